import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from './precompress';

describe('precompress', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  function builtApp(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), 'troc-precompress-'));
    folders.push(folder);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(folder, name, '..'), { recursive: true });
      writeFileSync(join(folder, name), content);
    }
    return folder;
  }

  const script = Array.from({ length: 300 }, (_, i) => `export const listing${i} = { id: ${i}, title: 'Vélo n°${i}' };`).join('\n');

  it('writes Brotli and gzip copies that decode to the very bytes of each script and style sheet', () => {
    const folder = builtApp({ 'assets/index-abc.js': script, 'assets/index-abc.css': `.card { color: teal; }\n`.repeat(100) });

    const written = precompress(folder);

    expect(written.map((w) => w.file).sort()).toEqual(['assets/index-abc.css', 'assets/index-abc.js']);
    for (const name of ['assets/index-abc.js', 'assets/index-abc.css']) {
      const original = readFileSync(join(folder, name));
      const brotli = readFileSync(join(folder, `${name}.br`));
      const gzip = readFileSync(join(folder, `${name}.gz`));
      expect(brotliDecompressSync(brotli).equals(original)).toBe(true);
      expect(gunzipSync(gzip).equals(original)).toBe(true);
      expect(brotli.length).toBeLessThan(original.length / 4);
      expect(brotli.length).toBeLessThanOrEqual(gzip.length);
    }
  });

  it('leaves pages, source maps, photos and files too small to gain alone', () => {
    const folder = builtApp({
      'index.html': `<!doctype html>${' '.repeat(4000)}`,
      'assets/index-abc.js.map': script,
      'assets/photo.jpg': script,
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });

    expect(precompress(folder)).toEqual([]);
    for (const name of ['index.html', 'assets/index-abc.js.map', 'assets/photo.jpg', 'favicon.svg'])
      expect(existsSync(join(folder, `${name}.br`)) || existsSync(join(folder, `${name}.gz`))).toBe(false);
  });
});
