// Load: wrk (Debian) for the two GraphQL servers, pgbench for raw SQL; both C programs, so the load generator takes
// little of the two cores the engines share. Each timed run is preceded by a warm-up run of the same kind, and the CPU
// time of every party (the engine's processes, the bench database's PostgreSQL backends, the load generator, everything
// else on the machine) is read from /proc over the timed run.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { watchCpu } from './cpu.mjs';

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ stdout, stderr, pid: child.pid })
      : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr || stdout}`))));
  });
}

// Reports what we need as one JSON line; bodies come from a file, one per line, sent round-robin from a random start.
const WRK_SCRIPT = `
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local bodies = {}
local next_index = 1
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  if args[2] and args[2] ~= "" then wrk.headers["Authorization"] = "Bearer " .. args[2] end
  next_index = math.random(#bodies)
  if #bodies == 1 then wrk.body = bodies[1] end
end
function request()
  next_index = next_index % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next_index])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
`;

export function writeWrkScript(rawDir) {
  const file = path.join(rawDir, 'graphql.lua');
  writeFileSync(file, WRK_SCRIPT);
  return file;
}

async function wrkOnce({ url, script, bodiesFile, token, seconds, connections, threads }) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '-s', script, url, '--', bodiesFile, token ?? ''];
  const { stdout } = await run('wrk', args);
  const line = stdout.split('\n').find((l) => l.startsWith('WRK '));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  return { ...JSON.parse(line.slice(4)), stdout };
}

/** Load without measuring: the warm-up of a server before anything is timed. */
export async function warmHttp({ url, bodies, token, options, rawDir, name }) {
  const bodiesFile = path.join(rawDir, `${name}.bodies`);
  writeFileSync(bodiesFile, bodies.map((b) => JSON.stringify(b)).join('\n') + '\n');
  await wrkOnce({ url, script: options.wrkScript, bodiesFile, token, connections: options.connections, threads: options.threads, seconds: options.prewarm });
}

/** Warm-up, then the timed run with the CPU of each party: returns rps, p95 (ms), errors and CPU shares. */
export async function measureHttp({ url, bodies, token, options, rawDir, name, enginePids }) {
  const bodiesFile = path.join(rawDir, `${name}.bodies`);
  writeFileSync(bodiesFile, bodies.map((b) => JSON.stringify(b)).join('\n') + '\n');
  const common = { url, script: options.wrkScript, bodiesFile, token, connections: options.connections, threads: options.threads };
  if (options.warmup > 0) await wrkOnce({ ...common, seconds: options.warmup });
  const watch = watchCpu(enginePids(), 'wrk');
  const result = await wrkOnce({ ...common, seconds: options.duration });
  const cpu = watch.stop();
  writeFileSync(path.join(rawDir, `${name}.wrk.txt`), result.stdout);
  const errors = result.non2xx + result.connect + result.read + result.write + result.timeout;
  return {
    throughput: result.requests / (result.duration_us / 1e6),
    p50: result.p50_us / 1000,
    p95: result.p95_us / 1000,
    requests: result.requests,
    errors,
    cpu,
  };
}

/** pgbench: the same number of clients, the statement prepared once per connection (its -M prepared). */
export async function measureRaw({ sql, options, rawDir, name, pg, enginePids }) {
  const scriptFile = path.join(rawDir, `${name}.pgbench.sql`);
  writeFileSync(scriptFile, sql.trim() + '\n');
  const env = { PGPASSWORD: pg.password };
  const base = ['-n', '-M', 'prepared', '-c', String(options.connections), '-j', String(options.threads),
    '-h', pg.host, '-p', String(pg.port), '-U', pg.user, '-f', scriptFile];
  if (options.warmup > 0) await run('pgbench', [...base, '-T', String(options.warmup), pg.database], env);
  const prefix = path.join(rawDir, `${name}.pgbench-log`);
  for (const file of readdirSync(rawDir)) if (file.startsWith(`${name}.pgbench-log`)) unlinkSync(path.join(rawDir, file));
  const watch = watchCpu(enginePids(), 'pgbench');
  const { stdout } = await run('pgbench', [...base, '-T', String(options.duration), '-l', `--log-prefix=${prefix}`, pg.database], env);
  const cpu = watch.stop();
  writeFileSync(path.join(rawDir, `${name}.pgbench.txt`), stdout);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  // Per-transaction log: "client_id transaction_no time_us script_no epoch epoch_us".
  const latencies = [];
  for (const file of readdirSync(rawDir)) {
    if (!file.startsWith(`${name}.pgbench-log`)) continue;
    for (const line of readFileSync(path.join(rawDir, file), 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (fields.length >= 3) latencies.push(Number(fields[2]));
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] / 1000;
  return { throughput: tps, p50: pct(50), p95: pct(95), requests: latencies.length, errors: failed, cpu };
}
