import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `graphql(\`query Foo …\`)` becomes the generated `FooDocument`, a module of its own: what GraphQL Code Generator's
 * client preset does with its Babel plugin, which Vite 8 (no Babel) cannot run. Without it, every page reaches its
 * documents through `graphql()`, whose map holds every document of the app (their text and their syntax trees), so all
 * of them landed in the first download whatever the page. One module per document (not imports from the generated
 * `src/gql/graphql.ts`, which is one module and so would go whole into one chunk) lets each document go into the chunk
 * of the pages that use it. Line breaks are kept, so that source maps still point at the right lines.
 */
const documentCall = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const definition = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** How many definitions a document holds: the `{` … `}` blocks at its top level. */
function definitionCount(document: string): number {
  let depth = 0;
  let count = 0;
  for (const character of document.replace(/#[^\n]*/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if (character === '{' && depth++ === 0) count++;
    else if (character === '}') depth--;
  }
  return count;
}

/** The generated name of a document: `FooDocument` for an operation, `FooFragmentDoc` for a fragment. */
export function documentExportName(document: string): string | null {
  const match = definition.exec(document);
  if (!match || definitionCount(document) !== 1) return null;
  return match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
}

const modulePrefix = 'virtual:troc-document/';

/**
 * Rewrites one module: each `graphql(\`…\`)` call becomes the generated document, imported at the top from its own
 * module (on the first line, so lines do not move). Names the generated file lacks are an error: the document is not
 * what codegen saw, and the build must say so rather than ship `undefined`.
 */
export function useGeneratedDocuments(code: string, known: ReadonlySet<string>): { code: string; imported: string[] } | null {
  if (!code.includes('graphql(')) return null;
  const imported = new Set<string>();
  const rewritten = code.replace(documentCall, (_call, document: string) => {
    const name = documentExportName(document);
    if (!name) throw new Error(`a graphql() document must hold one named operation or fragment: ${document.trim().slice(0, 60)}…`);
    if (!known.has(name)) throw new Error(`${name} is not in src/gql/graphql.ts: run npm run codegen`);
    imported.add(name);
    const local = `__document_${name}`;
    return local + '\n'.repeat(document.split('\n').length - 1);
  });
  if (imported.size === 0) return null;
  const names = [...imported];
  const declarations = names.map((n) => `import __document_${n} from ${JSON.stringify(modulePrefix + n)};`).join(' ');
  return { code: declarations + rewritten, imported: names };
}

/**
 * The documents of `src/gql/graphql.ts` by name, each the syntax tree codegen wrote on one line:
 * `export const FooDocument = {…} as unknown as DocumentNode<…>;`.
 */
export function generatedDocuments(source: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const match of source.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) documents.set(match[1], match[2]);
  return documents;
}

/** The Vite plugin, for builds: the development server keeps `graphql()`, which needs no rebuild when a document changes. */
export function generatedDocumentsPlugin(): Plugin {
  let generated = '';
  let documents = new Map<string, string>();
  return {
    name: 'troc-generated-documents',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      generated = resolve(config.root, 'src/gql/graphql.ts');
    },
    buildStart() {
      documents = generatedDocuments(readFileSync(generated, 'utf8'));
      if (documents.size === 0) this.error(`${generated} holds no document in the expected form: has the client preset's output changed?`);
    },
    resolveId(id) {
      return id.startsWith(modulePrefix) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${modulePrefix}`)) return null;
      return `export default ${documents.get(id.slice(modulePrefix.length + 1))};`;
    },
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/')) return null;
      try {
        const result = useGeneratedDocuments(code, new Set(documents.keys()));
        return result && { code: result.code, map: null };
      } catch (error) {
        this.error(`${id}: ${(error as Error).message}`);
      }
    },
  };
}
