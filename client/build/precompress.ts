import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Logger, Plugin } from 'vite';

/**
 * Files worth compressing. HTML is left out: the server compresses its pages on the fly, as it adds their security
 * headers; source maps too, as only developer tools fetch them.
 */
const compressible = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.txt', '.webmanifest']);

/** Below this, a compressed copy saves less than the bytes of its headers. */
const minimumBytes = 1024;

export interface Precompressed {
  file: string;
  bytes: number;
  brotli: number;
  gzip: number;
}

/**
 * Writes `name.br` (Brotli, best quality) and `name.gz` (gzip, level 9) beside every compressible file of a built app,
 * once at build time, so that the server sends them as they are instead of compressing on each request at a fast,
 * weaker level. A copy that would not be smaller is not written.
 */
export function precompress(directory: string): Precompressed[] {
  const written: Precompressed[] = [];
  for (const entry of readdirSync(directory, { recursive: true, encoding: 'utf8' })) {
    const file = join(directory, entry);
    if (!compressible.has(extname(file)) || !statSync(file).isFile()) continue;
    const content = readFileSync(file);
    if (content.length < minimumBytes) continue;
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
    written.push({ file: entry, bytes: content.length, brotli: brotli.length, gzip: gzip.length });
  }
  return written;
}

/** The Vite plugin: precompresses the production build once it is written. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  let logger: Logger | undefined;
  return {
    name: 'troc-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    closeBundle() {
      const files = precompress(outDir);
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      logger?.info(`precompressed ${files.length} files:`);
      for (const f of files.sort((a, b) => b.bytes - a.bytes))
        logger?.info(`  ${f.file}: ${kib(f.bytes)} → br ${kib(f.brotli)}, gz ${kib(f.gzip)}`);
    },
  };
}
