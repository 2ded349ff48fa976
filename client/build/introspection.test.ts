import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { introspectionAsJson } from './introspection';

describe('introspectionAsJson', () => {
  it('turns the generated schema into JSON.parse of the same object', () => {
    const generated = readFileSync(join(import.meta.dirname, '..', 'src', 'gql', 'introspection.ts'), 'utf8');

    const module = introspectionAsJson(generated)!;

    expect(module).toMatch(/^export default JSON\.parse\("/);
    const parsed = new Function(`return ${module.replace('export default ', '')}`)();
    const original = JSON.parse(generated.slice(generated.indexOf('{', generated.indexOf('export default')), generated.lastIndexOf('}') + 1));
    expect(parsed).toEqual(original);
    expect(parsed.__schema.types.length).toBeGreaterThan(100);
  });

  it('refuses a file in another form', () => {
    expect(introspectionAsJson('export const schema = {};')).toBeNull();
  });
});
