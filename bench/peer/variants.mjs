// Diagnosis helper (not part of the table): Troc alone, one workload's request in several spellings that must return
// the same data, each timed like the bench does, alternating; e.g. « vélo » against « "vélo" », whose quotes make
// Troc skip the typo-tolerance count. Usage: node bench/peer/variants.mjs --server DLL --workload nearby
//   --variant 'vélo' --variant '"vélo"' [--rounds 2] [--duration 10] [--prewarm 30] [--troc-connection-options "..."]
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { workloads } from './lib/workloads.mjs';
import { benchDatabase, setup, teardown } from './lib/database.mjs';
import { startTroc, signingSecret, postGraphQL } from './lib/engines.mjs';
import { measureHttp, warmHttp, writeWrkScript } from './lib/load.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = { variants: [], rounds: 2, duration: 10, warmup: 3, prewarm: 30, connections: 32, threads: 2, extra: '' };
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case '--server': opt.server = args[++i]; break;
    case '--workload': opt.workload = args[++i]; break;
    case '--variant': opt.variants.push(args[++i]); break;
    case '--rounds': opt.rounds = Number(args[++i]); break;
    case '--duration': opt.duration = Number(args[++i]); break;
    case '--prewarm': opt.prewarm = Number(args[++i]); break;
    case '--troc-connection-options': opt.extra = args[++i]; break;
    default: throw new Error(`unknown option ${args[i]}`);
  }
}
const workload = workloads.find((w) => w.key === opt.workload);
const rawDir = path.join(here, 'results', 'raw', `variants-${Date.now()}`);
mkdirSync(rawDir, { recursive: true });
opt.wrkScript = writeWrkScript(rawDir);
const { pg: pgConfig, npgsql } = benchDatabase();
const client = new pg.Client(pgConfig);
await client.connect();
let troc;
try {
  const ctx = await setup(client, here);
  troc = await startTroc({ serverDll: opt.server, connectionString: `${npgsql}${opt.extra ? `;${opt.extra}` : ''}`, secret: signingSecret(), rawDir });
  const bodiesOf = (variant) => workload.troc(ctx).map((b) => ({ ...b, variables: { ...b.variables, query: variant } }));
  let reference;
  for (const variant of opt.variants) {
    const answer = workload.normalise.troc(await postGraphQL(troc.url, bodiesOf(variant)[0]));
    reference ??= answer;
    if (!isDeepStrictEqual(reference, answer)) throw new Error(`variant ${variant} returns other data`);
  }
  // The server's steady state, as in peer.mjs: past the tiered JIT's recompilations.
  for (const variant of opt.variants) await warmHttp({ url: troc.url, bodies: bodiesOf(variant), options: opt, rawDir, name: 'prewarm' });
  for (let round = 1; round <= opt.rounds; round++) {
    for (const variant of opt.variants) {
      const r = await measureHttp({ url: troc.url, bodies: bodiesOf(variant), options: opt, rawDir, name: `v${round}`, enginePids: () => [troc.pid] });
      console.log(`${workload.key} ${JSON.stringify(variant)} round ${round}: ${r.throughput.toFixed(0)}/s p95 ${r.p95.toFixed(0)} ms; per request: Troc ${(r.cpu.engine / r.throughput * 1000).toFixed(2)} ms, postgres ${(r.cpu.postgres / r.throughput * 1000).toFixed(2)} ms; others ${r.cpu.others.toFixed(2)} cores`);
    }
  }
} finally {
  await troc?.stop();
  await teardown(client);
  await client.end();
}
