import type { CodegenConfig } from '@graphql-codegen/cli';

// Types and typed documents come from the committed contract, schema.graphql (printed from the live server by
// `./troc schema`), so the web app never drifts from the API it is built against.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Upload: 'File' },
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
    // The cache needs the schema's shape (unions, interfaces, which types have no id) to normalise results.
    'src/gql/introspection.ts': {
      plugins: ['urql-introspection'],
      config: { module: 'es2015', useTypeImports: true },
    },
  },
};

export default config;
