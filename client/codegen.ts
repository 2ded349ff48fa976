import type { CodegenConfig } from '@graphql-codegen/cli';
import { createRequire } from 'node:module';
import * as listingLimits from './codegen/listingLimits';

const require = createRequire(import.meta.url);

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
    // The listing limits the forms check, read from the input descriptions (their source is the API's ListingRules).
    'src/gql/listingLimits.ts': {
      plugins: ['listing-limits'],
    },
  },
  // Our own plugin is TypeScript, loaded with this file; the published ones load from node_modules as usual.
  pluginLoader: async (name: string) => (name === 'listing-limits' ? listingLimits : require(name)),
};

export default config;
