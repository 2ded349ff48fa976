import type { Plugin } from 'vite';

const generatedModule = /export default (\{[\s\S]*\}) as unknown as IntrospectionQuery;\s*$/;

/**
 * The schema the cache needs (src/gql/introspection.ts, ~55 KB) as `JSON.parse('…')` rather than the object literal codegen
 * writes: V8 reads it as JSON about 1.5× faster than as JavaScript (measured here; V8's own advice for large objects),
 * and it runs before the first render, on the phone's main thread.
 */
export function introspectionAsJson(code: string): string | null {
  const match = generatedModule.exec(code);
  if (!match) return null;
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(match[1])))});\n`;
}

/** The Vite plugin, for builds (the development server keeps the generated file as it is). */
export function introspectionAsJsonPlugin(): Plugin {
  return {
    name: 'troc-introspection-as-json',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/gql/introspection.ts')) return null;
      const json = introspectionAsJson(code);
      if (!json) this.error(`${id} is not in the form codegen writes (export default {…} as unknown as IntrospectionQuery)`);
      return { code: json, map: null };
    },
  };
}
