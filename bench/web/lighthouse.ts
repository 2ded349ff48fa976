// Lighthouse with its mobile profile (the default: a mid-range phone, 4× CPU slowdown, a slow 4G connection, simulated)
// on the web app as people get it: built, served by the real server in Production on a fresh database seeded with the
// demo data. Each page is audited several times and the run with the median performance score is kept, as Lighthouse
// advises (one run swings by several points on a shared machine). Writes bench/web/results/<page>.report.{json,html}
// (every run under results/raw/, not committed) and the scores table of bench/web/README.md.
//
// Options: --runs N (default 5), --no-report (print the table only, leave the README alone).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTrocServer } from '../../client/e2e/server';

const here = import.meta.dirname;
const repository = resolve(here, '..', '..');
const results = join(here, 'results');
const raw = join(results, 'raw');
const lighthouseCli = join(here, 'node_modules', 'lighthouse', 'cli', 'index.js');

const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 5) || 5;
const writeReadme = !args.includes('--no-report');

// What the e2e tests give Chromium, for the same reason: this network refuses Google's services, which it would keep
// trying to reach.
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const metrics = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI',
} as const;

interface Report {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; displayValue?: string; details?: { items?: { transferSize?: number; resourceType?: string }[] } }>;
  runtimeError?: { message: string };
}

interface PageRun {
  page: string;
  url: string;
  base: string;
  report: Report;
}

async function graphql<T>(baseURL: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Searches people make: a word (a full page of results, and more), and the same word around a demo city by distance. */
async function searchAddresses(baseURL: string): Promise<{ search: string; nearby: string }> {
  const { places } = await graphql<{ places: { id: string }[] }>(baseURL, 'query { places(query: "Lyon", first: 1) { id } }');
  return {
    search: `/?${new URLSearchParams({ q: 'velo' })}`,
    nearby: `/?${new URLSearchParams({ q: 'velo', place: places[0].id, r: '25', order: 'distance' })}`,
  };
}

function audit(page: string, url: string, run: number): PageRun {
  const base = join(raw, `${page}-${run}`);
  execFileSync(process.execPath, [lighthouseCli, url, '--quiet', `--chrome-flags=${chromeFlags.join(' ')}`,
    '--output=json', '--output=html', `--output-path=${base}`, ...categories.map((c) => `--only-categories=${c}`)], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const report = JSON.parse(readFileSync(`${base}.report.json`, 'utf8')) as Report;
  if (report.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${report.runtimeError.message}`);
  return { page, url, base, report };
}

const score = (run: PageRun, category: string) => Math.round((run.report.categories[category]?.score ?? 0) * 100);

function median(pageRuns: PageRun[]): PageRun {
  const sorted = [...pageRuns].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function bytesOf(run: PageRun, type: string): number {
  const items = run.report.audits['resource-summary']?.details?.items ?? [];
  return items.find((item) => item.resourceType === type)?.transferSize ?? 0;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(kept: PageRun[], all: Map<string, PageRun[]>): string {
  const header = ['page', ...categories, ...Object.values(metrics), 'JS transferred', 'total transferred', `performance, ${runs} runs`];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const run of kept) {
    lines.push(`| ${[
      `${run.page} (\`${run.url.replace(/^https?:\/\/[^/]+/, '')}\`)`,
      ...categories.map((c) => String(score(run, c))),
      ...Object.keys(metrics).map((id) => run.report.audits[id]?.displayValue?.replace(/\u00a0/g, ' ') ?? '?'),
      kb(bytesOf(run, 'script')),
      kb(bytesOf(run, 'total')),
      all.get(run.page)!.map((r) => score(r, 'performance')).join(', '),
    ].join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main() {
  rmSync(raw, { recursive: true, force: true });
  mkdirSync(raw, { recursive: true });
  const port = Number(process.env.TROC_BENCH_PORT ?? 20000 + ((process.pid + 7919) % 20000));
  console.log(`bench web: starting the server (Production, fresh database) on :${port}`);
  const server = await startTrocServer({
    environment: 'Production',
    port,
    portVariable: 'TROC_BENCH_PORT',
    database: `troc_bench_web_${process.pid}`,
    rateLimiting: true,
    keepFiles: false,
  });
  const all = new Map<string, PageRun[]>();
  try {
    const searches = await searchAddresses(server.baseURL);
    const pages = [
      { page: 'home', url: `${server.baseURL}/` },
      { page: 'search', url: `${server.baseURL}${searches.search}` },
      { page: 'nearby', url: `${server.baseURL}${searches.nearby}` },
    ];
    // One visit each first: the server's first requests compile queries and fill caches a visitor would find warm.
    for (const { url } of pages) await fetch(url);
    for (let i = 1; i <= runs; i++) {
      for (const { page, url } of pages) {
        const run = audit(page, url, i);
        all.set(page, [...(all.get(page) ?? []), run]);
        console.log(`bench web: ${page} run ${i}: performance ${score(run, 'performance')}`);
      }
    }
  } finally {
    await server.stop();
  }

  const kept = [...all.values()].map(median);
  for (const run of kept) {
    copyFileSync(`${run.base}.report.json`, join(results, `${run.page}.report.json`));
    copyFileSync(`${run.base}.report.html`, join(results, `${run.page}.report.html`));
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repository, encoding: 'utf8' }).trim();
  // Its own output aside: the reports and this README are rewritten by every run.
  const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench/web/results', ':!bench/web/README.md'], { cwd: repository, encoding: 'utf8' }).trim()
    ? ' (with local changes)'
    : '';
  const summary = [
    `Lighthouse ${kept[0].report.lighthouseVersion}, mobile profile, commit ${commit}${dirty}, ${new Date().toISOString().slice(0, 10)}; ` +
      `the median of ${runs} runs per page (its reports: \`results/<page>.report.html\`).`,
    '',
    table(kept, all),
  ].join('\n');
  console.log(`\n${summary}\n`);
  if (writeReadme) {
    const readme = join(here, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- results -->';
    const end = '<!-- /results -->';
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < 0) throw new Error(`README.md lacks the ${start} … ${end} markers`);
    writeFileSync(readme, `${text.slice(0, from + start.length)}\n${summary}\n${text.slice(to)}`);
    console.log('bench web: wrote bench/web/README.md and bench/web/results/');
  }
}

await main();
