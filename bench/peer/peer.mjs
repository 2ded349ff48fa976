// bench/peer: Troc against PostGraphile 4 and raw SQL on the same data, under concurrency. See README.md;
// `./troc bench peer [--quick] [--duration S] [--warmup S] [--connections N] [--workloads a,b] [--engines a,b]
//  [--troc-connection-options "K=V;..."] [--label text] [--no-report] [--keep-schema]`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workloads } from './lib/workloads.mjs';
import { benchDatabase, connect, setup, teardown } from './lib/database.mjs';
import { startTroc, startPostGraphile, signingSecret, postGraphQL } from './lib/engines.mjs';
import { verify } from './lib/verify.mjs';
import { measureHttp, measureRaw, warmHttp, writeWrkScript } from './lib/load.mjs';
import { idleShare } from './lib/cpu.mjs';
import { enableStatementLog, resetStatementLog, logFileOf, statementsOf, formatStatements } from './lib/statements.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const log = (line) => process.stderr.write(`${line}\n`);

function parseOptions(args) {
  const options = {
    server: null, duration: 15, warmup: 3, prewarm: 30, connections: 32, threads: cpus().length, workers: cpus().length, pool: 10,
    workloads: workloads.map((w) => w.key), engines: ['postgraphile', 'troc', 'raw'], trocConnectionOptions: '',
    label: '', report: true, keepSchema: false, statements: false, pgLog: null,
  };
  for (let i = 0; i < args.length; i++) {
    const value = () => {
      if (i + 1 >= args.length) throw new Error(`${args[i]} needs a value`);
      return args[++i];
    };
    switch (args[i]) {
      case '--server': options.server = value(); break;
      case '--duration': options.duration = Number(value()); break;
      case '--warmup': options.warmup = Number(value()); break;
      case '--prewarm': options.prewarm = Number(value()); break;
      case '--connections': options.connections = Number(value()); break;
      case '--workers': options.workers = Number(value()); break;
      case '--pool': options.pool = Number(value()); break;
      case '--quick': options.duration = 5; options.warmup = 2; options.prewarm = 5; options.report = false; break;
      case '--workloads': options.workloads = value().split(','); break;
      case '--engines': options.engines = value().split(','); break;
      case '--troc-connection-options': options.trocConnectionOptions = value(); break;
      case '--label': options.label = value(); break;
      case '--no-report': options.report = false; break;
      case '--keep-schema': options.keepSchema = true; break;
      case '--statements': options.statements = true; break;
      case '--pg-log': options.pgLog = value(); break;
      default: throw new Error(`unknown option ${args[i]} (see bench/peer/README.md)`);
    }
  }
  if (!options.server) throw new Error('--server <Troc.Graph.dll> is required (bench/peer/run passes it)');
  for (const key of options.workloads) if (!workloads.some((w) => w.key === key)) throw new Error(`unknown workload ${key}`);
  for (const key of options.engines) if (!['postgraphile', 'troc', 'raw'].includes(key)) throw new Error(`unknown engine ${key}`);
  if (options.statements) options.engines = options.engines.filter((e) => e !== 'raw');
  if (options.statements || options.trocConnectionOptions || options.label || options.engines.length < 3 || options.workloads.length < workloads.length) {
    options.report = false; // only a full run of the standard configuration rewrites the README
  }
  return options;
}

function git(...args) {
  try { return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim(); } catch { return '?'; }
}

async function login(troc, member) {
  const data = await postGraphQL(troc.url, {
    query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken errors { __typename } } }',
    variables: { input: { email: member.email, password: member.password } },
  });
  if (!data.login.accessToken) throw new Error(`login of the bench member failed: ${JSON.stringify(data.login.errors)}`);
  const token = data.login.accessToken;
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return { token, session: { userId: claims.sub, sessionId: claims.sid } };
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '–');
const rate = (r, unit) => (r ? `${fmt(r.throughput)} ${unit}` : '–');
const p95 = (r) => (r ? `${fmt(r.p95, r.p95 < 10 ? 1 : 0)} ms` : '–');

function tables(results, options, meta) {
  const lines = [];
  lines.push(`Run ${meta.date} on commit ${meta.commit}${meta.dirty ? ' (with uncommitted changes)' : ''}${options.label ? ` — ${options.label}` : ''}: `
    + `${options.connections} connections, ${options.duration} s timed after ${options.warmup} s of warm-up per engine and workload (and ${options.prewarm} s of each workload on each server before any timing); `
    + `PostGraphile ${meta.postgraphileVersion} with ${options.workers} cluster workers, pool ${options.pool} each; raw = pgbench -M prepared`
    + `${options.trocConnectionOptions ? `; Troc's connection string + \`${options.trocConnectionOptions}\`` : ''}.`);
  lines.push('');
  lines.push(`**CPU idle before the run: ${fmt(meta.idle.idle * 100)} % of ${meta.idle.cores} cores.**`);
  lines.push('');
  lines.push('| workload | PostGraphile | Troc | raw SQL | Troc / PostGraphile | Troc / raw | p95 PostGraphile | p95 Troc | p95 raw |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { workload, postgraphile, troc, raw } of results) {
    lines.push(`| ${workload.label} | ${rate(postgraphile, 'rps')} | ${rate(troc, 'rps')} | ${rate(raw, 'tps')} | ${ratio(troc?.throughput, postgraphile?.throughput)} `
      + `| ${ratio(troc?.throughput, raw?.throughput)} | ${p95(postgraphile)} | ${p95(troc)} | ${p95(raw)} |`);
  }
  lines.push('');
  lines.push('CPU during each timed run, in cores (of the machine\'s ' + meta.idle.cores + '): the engine\'s processes, the bench database\'s PostgreSQL backends, the load generator (wrk or pgbench, and this driver), everything else on the machine (other people\'s work), idle; '
    + 'then the CPU time each request cost the engine and PostgreSQL, which depends less on the neighbours than throughput does.');
  lines.push('');
  lines.push('| workload | engine | engine processes | PostgreSQL | load | others | idle | engine CPU per request | PostgreSQL CPU per request |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const result of results) {
    for (const [name, label] of [['postgraphile', 'PostGraphile'], ['troc', 'Troc'], ['raw', 'raw SQL']]) {
      const r = result[name];
      if (!r) continue;
      const c = r.cpu;
      const perRequest = (cores) => `${fmt((cores / r.throughput) * 1000, 2)} ms`;
      lines.push(`| ${result.workload.key} | ${label} | ${c.engine.toFixed(2)} | ${c.postgres.toFixed(2)} | ${c.load.toFixed(2)} | ${c.others.toFixed(2)} | ${c.idle.toFixed(2)} `
        + `| ${name === 'raw' ? '–' : perRequest(c.engine)} | ${perRequest(c.postgres)} |`);
    }
  }
  lines.push('');
  lines.push(`Machine: ${meta.machine}.`);
  return lines.join('\n');
}

/** The README keeps ratios only: absolute rates depend on the machine and what else runs on it. */
function readmeTable(results, options, meta) {
  const lines = [];
  lines.push(`Run ${meta.date}, commit ${meta.commit}: ${options.connections} connections, ${options.duration} s after ${options.warmup} s of warm-up `
    + `(and ${options.prewarm} s of every workload on every server first); `
    + `CPU idle before the run ${fmt(meta.idle.idle * 100)} % of ${meta.idle.cores} cores. Full numbers: \`results/${meta.file}\`.`);
  lines.push('');
  lines.push('| workload | Troc / PostGraphile (throughput) | Troc p95 / PostGraphile p95 | Troc / raw SQL (throughput) | CPU per request (server + PostgreSQL), Troc / PostGraphile | target: ≥ 2.0 and p95 below |');
  lines.push('|---|---:|---:|---:|---:|---|');
  const cpuPerRequest = (r) => (r.cpu.engine + r.cpu.postgres) / r.throughput;
  for (const { workload, postgraphile, troc, raw } of results) {
    const met = troc.throughput / postgraphile.throughput >= 2 && troc.p95 < postgraphile.p95;
    lines.push(`| ${workload.label} | ${ratio(troc.throughput, postgraphile.throughput)} | ${ratio(troc.p95, postgraphile.p95)} | ${ratio(troc.throughput, raw.throughput)} `
      + `| ${ratio(cpuPerRequest(troc), cpuPerRequest(postgraphile))} | ${met ? '✓' : '✗'} |`);
  }
  return lines.join('\n');
}

/** --statements: one request per workload and engine, after a warm-up, and the statements PostgreSQL logged for it. */
async function statementsReport({ options, selected, engines, ctx, client, stamp }) {
  const logFile = options.pgLog ?? await logFileOf(client);
  const sections = [`# Statements per request, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${git('rev-parse', '--short', 'HEAD')}`
    + `${options.trocConnectionOptions ? ` (Troc's connection string + \`${options.trocConnectionOptions}\`)` : ''}`, ''];
  for (const workload of selected) {
    for (const [name, label] of [['troc', 'Troc'], ['postgraphile', 'PostGraphile']]) {
      if (!engines[name]) continue;
      const bodies = name === 'troc' ? workload.troc(ctx) : workload.peer(ctx);
      const token = workload.authenticated ? ctx.token : undefined;
      for (let i = 0; i < 30; i++) await postGraphQL(engines[name].url, bodies[i % bodies.length], token);
      const statements = await statementsOf({ client, logFile, url: engines[name].url, body: bodies[bodies.length > 1 ? 1 : 0], token });
      sections.push(formatStatements(label, workload.key, statements));
    }
  }
  const text = sections.join('\n');
  process.stdout.write(`${text}\n`);
  const file = path.join(here, 'results', `${stamp}-statements${options.label ? `-${options.label.replace(/[^\w.-]+/g, '-')}` : ''}.md`);
  writeFileSync(file, `${text}\n`);
  log(`wrote ${path.relative(root, file)}`);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const stamp = new Date().toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  const rawDir = path.join(here, 'results', 'raw', stamp);
  mkdirSync(rawDir, { recursive: true });
  options.wrkScript = writeWrkScript(rawDir);
  const { pg, npgsql, url } = benchDatabase();
  const client = connect(pg);
  await client.connect();
  const engines = {};
  // The servers run in their own process groups (PostGraphile's workers with their master): stop them on Ctrl-C too.
  // The side schema stays until the next run's setup, which drops it first.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      log(`${signal}: stopping the servers`);
      for (const engine of [engines.troc, engines.postgraphile]) if (engine) await engine.stop().catch(() => {});
      if (options.statements) await resetStatementLog(client).catch(() => {});
      process.exit(130);
    });
  }
  const selected = workloads.filter((w) => options.workloads.includes(w.key));
  const wants = (engine) => options.engines.includes(engine);
  try {
    log('side schema bench_peer and the bench member');
    const ctx = await setup(client, here);
    const secret = signingSecret();
    // The engines' connections read the setting when they open: set it before they start.
    if (options.statements) await enableStatementLog(client);
    if (wants('troc')) {
      const connectionString = npgsql + (options.trocConnectionOptions ? `;${options.trocConnectionOptions}` : '');
      engines.troc = await startTroc({ serverDll: options.server, connectionString, secret, rawDir, root });
      log(`Troc on ${engines.troc.url} (pid ${engines.troc.pid})`);
    }
    if (wants('postgraphile')) {
      engines.postgraphile = await startPostGraphile({ here, databaseUrl: url, secret, rawDir, workers: options.workers, poolSize: options.pool });
      log(`PostGraphile on ${engines.postgraphile.url} (pid ${engines.postgraphile.pid})`);
    }
    if (wants('raw')) engines.raw = { pid: null };
    if (!engines.troc && selected.some((w) => w.authenticated)) throw new Error('the `me` workload signs in through Troc: keep the troc engine');
    const signIn = async () => Object.assign(ctx, await login(engines.troc, ctx.member));
    if (engines.troc) await signIn();

    for (const workload of selected) await verify({ workload, ctx, engines, pgClient: client, log });
    if (options.statements) {
      await statementsReport({ options, selected, engines, ctx, client, stamp });
      return;
    }

    // Tiered JIT: Troc's code reaches its optimised tier only after some 30 calls and a background compile, which on
    // a busy 2-core machine takes seconds. Every workload first runs on every server before anything is timed, so the
    // first timed workload is not measured on unoptimised code (and PostGraphile's V8 gets the same chance).
    if (options.prewarm > 0) {
      log(`warm-up: every workload on every server, ${options.prewarm} s each`);
      for (const workload of selected) {
        for (const name of ['postgraphile', 'troc']) {
          if (!engines[name]) continue;
          await warmHttp({ url: engines[name].url, bodies: name === 'troc' ? workload.troc(ctx) : workload.peer(ctx),
            token: workload.authenticated ? ctx.token : undefined, options, rawDir, name: `${workload.key}-${name}` });
        }
      }
    }

    log('CPU idle share of the machine before the run (3 s)');
    const idle = await idleShare(3);
    log(`  ${fmt(idle.idle * 100)} % idle of ${idle.cores} cores`);

    const results = [];
    for (const workload of selected) {
      // Tokens live about 15 minutes: a fresh one for the signed-in workload, checked again by verification.
      if (workload.authenticated) {
        await signIn();
        await verify({ workload, ctx, engines, pgClient: client, log, checks: 1 });
      }
      const result = { workload };
      for (const name of ['postgraphile', 'troc', 'raw']) {
        if (!engines[name]) continue;
        const runName = `${workload.key}-${name}`;
        const enginePids = () => (engines[name].pid ? [engines[name].pid] : []);
        const token = workload.authenticated ? ctx.token : undefined;
        result[name] = name === 'raw'
          ? await measureRaw({ sql: workload.raw(ctx), options, rawDir, name: runName, pg, enginePids })
          : await measureHttp({ url: engines[name].url, bodies: name === 'troc' ? workload.troc(ctx) : workload.peer(ctx), token, options, rawDir, name: runName, enginePids });
        const r = result[name];
        log(`  ${workload.key} ${name}: ${fmt(r.throughput)}/s, p50 ${fmt(r.p50, 1)} ms, p95 ${fmt(r.p95, 1)} ms, ${r.requests} requests, ${r.errors} errors; `
          + `CPU engine ${r.cpu.engine.toFixed(2)} postgres ${r.cpu.postgres.toFixed(2)} load ${r.cpu.load.toFixed(2)} others ${r.cpu.others.toFixed(2)}; `
          + `per request: engine ${fmt((r.cpu.engine / r.throughput) * 1000, 2)} ms, postgres ${fmt((r.cpu.postgres / r.throughput) * 1000, 2)} ms`);
        if (r.errors > 0) throw new Error(`${workload.key} on ${name}: ${r.errors} failed requests (see ${rawDir})`);
      }
      results.push(result);
    }

    const dirty = git('status', '--porcelain', '--', 'Troc.Graph', 'Troc.Domain').length > 0;
    const meta = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty,
      idle,
      file: `${stamp}.md`,
      postgraphileVersion: JSON.parse(readFileSync(path.join(here, 'node_modules', 'postgraphile', 'package.json'), 'utf8')).version,
      machine: `${cpus()[0]?.model ?? '?'}, ${cpus().length} logical CPUs, ${fmt(totalmem() / 2 ** 30)} GB RAM, Linux ${release()}; `
        + `${(await client.query('SELECT version()')).rows[0].version.split(' on ')[0]}; Node ${process.version}`,
    };
    const table = tables(results, options, meta);
    process.stdout.write(`${table}\n`);
    const resultsFile = path.join(here, 'results', options.label ? `${stamp}-${options.label.replace(/[^\w.-]+/g, '-')}.md` : `${stamp}.md`);
    writeFileSync(resultsFile, `# bench/peer run ${meta.date}\n\n${table}\n`);
    log(`wrote ${path.relative(root, resultsFile)} (raw outputs in ${path.relative(root, rawDir)})`);
    if (options.report) {
      const readme = path.join(here, 'README.md');
      const text = readFileSync(readme, 'utf8');
      const start = '<!-- results:start -->';
      const end = '<!-- results:end -->';
      const updated = text.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${readmeTable(results, options, meta)}\n${end}`);
      writeFileSync(readme, updated);
      log('rewrote the results table of bench/peer/README.md');
    }
  } finally {
    if (options.statements) await resetStatementLog(client);
    for (const engine of [engines.troc, engines.postgraphile]) if (engine) await engine.stop();
    if (!options.keepSchema) await teardown(client);
    await client.end();
  }
}

main().catch((error) => {
  log(`bench/peer failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
