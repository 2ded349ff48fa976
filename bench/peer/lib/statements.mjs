// --statements: what each engine sends to PostgreSQL for one request of each workload, from the server's own log.
// The bench database alone logs every statement (ALTER DATABASE … SET log_min_duration_statement = 0, reset at the
// end), the engine is started after that so its connections log, warmed up, and then one request is sent and the log
// lines of that engine's backends written meanwhile are read back: every parse, bind, execute and simple statement,
// with its duration and whether it ran as a named (prepared) statement.
import { openSync, readSync, closeSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { postGraphQL } from './engines.mjs';
import { BENCH_DATABASE } from './cpu.mjs';

export async function logFileOf(client) {
  const { rows: [{ data_directory: dir }] } = await client.query('SHOW data_directory');
  for (const candidate of [path.join(dir, '..', 'pg.log'), path.join(dir, 'pg.log'), path.join(dir, 'log', 'postgresql.log')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`no pg.log beside ${dir}: give the cluster's log file with --pg-log`);
}

export async function enableStatementLog(client) {
  await client.query(`ALTER DATABASE ${BENCH_DATABASE} SET log_min_duration_statement = 0`);
}

export async function resetStatementLog(client) {
  await client.query(`ALTER DATABASE ${BENCH_DATABASE} RESET log_min_duration_statement`);
}

function readFrom(file, offset) {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Log entries ("2026-… UTC [pid] LOG:  duration: … ms  execute S_1: SELECT …" and their continuation lines). */
function entries(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const head = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \w+ \[(\d+)\] (\w+):\s+(.*)$/.exec(line);
    if (head) out.push({ pid: Number(head[1]), level: head[2], text: head[3] });
    else if (out.length) out.at(-1).text += `\n${line}`;
  }
  return out;
}

function describe(entry) {
  const m = /^duration: ([\d.]+) ms\s+(parse|bind|execute|statement)\s*([^:]*):\s*([\s\S]*)$/.exec(entry.text);
  if (!m) return null;
  const [, ms, phase, name, sql] = m;
  return { ms: Number(ms), phase, name: name.trim() || '-', sql: sql.replace(/\s+/g, ' ').trim() };
}

/** Sends `body` once to `url` and returns the statements the engine's backends logged meanwhile. */
export async function statementsOf({ client, logFile, url, body, token }) {
  const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [BENCH_DATABASE]);
  const before = statSync(logFile).size;
  await postGraphQL(url, body, token);
  await sleep(500);
  // Backends opened by the request itself are not in `rows` yet: read them again.
  const { rows: after } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [BENCH_DATABASE]);
  const pids = new Set([...rows, ...after].map((r) => r.pid));
  return entries(readFrom(logFile, before)).filter((e) => pids.has(e.pid)).map(describe).filter(Boolean);
}

export function formatStatements(engine, workload, statements) {
  const executes = statements.filter((s) => s.phase === 'execute' || s.phase === 'statement');
  const discards = executes.filter((s) => /^DISCARD ALL/i.test(s.sql)).length;
  const prepared = executes.filter((s) => s.name !== '-' && s.name !== '<unnamed>').length;
  const parses = statements.filter((s) => s.phase === 'parse').length;
  const lines = [`### ${workload} — ${engine}: ${executes.length} statements executed (${discards} DISCARD ALL, ${prepared} as named prepared statements), ${parses} parses`, ''];
  lines.push('| # | phase | name | ms | SQL |', '|---:|---|---|---:|---|');
  statements.forEach((s, i) => lines.push(`| ${i + 1} | ${s.phase} | ${s.name} | ${s.ms.toFixed(3)} | \`${s.sql.slice(0, 400).replace(/\|/g, '\\|')}${s.sql.length > 400 ? '…' : ''}\` |`));
  lines.push('');
  return lines.join('\n');
}
