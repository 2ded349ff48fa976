// CPU accounting from /proc (no sysstat needed): the machine's busy and idle time from /proc/stat, and the CPU time of
// processes (utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s on Linux).
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpus } from 'node:os';

const TICKS = 100;
export const BENCH_DATABASE = 'troc_bench_search';

function machine() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + fields[4]; // idle + iowait
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0); // without guest time, already counted in user
  return { idle, total };
}

function processes() {
  const list = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const rest = stat.slice(close + 2).split(' ');
      // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
      const ticks = Number(rest[11]) + Number(rest[12]);
      let cmdline = '';
      if (comm === 'postgres') cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      list.push({ pid: Number(entry), ppid: Number(rest[1]), comm, ticks, cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return list;
}

function descendants(all, roots) {
  const keep = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) if (!keep.has(p.pid) && keep.has(p.ppid)) { keep.add(p.pid); grew = true; }
  }
  return keep;
}

/**
 * Watches the CPU time of the engine (the process trees of `enginePids`), the bench database's PostgreSQL backends,
 * the load generator (by command name, plus this driver) and the whole machine, polling /proc every 200 ms so that
 * processes born and gone within the run (pgbench's backends, wrk itself) are counted too; `stop()` gives each one's
 * share in cores over the interval, and what everything else on the machine used ("others": other people's work).
 */
export function watchCpu(enginePids, loadGenerator) {
  const parties = { engine: new Map(), postgres: new Map(), load: new Map() };
  const partyOf = (p, engine) => {
    if (engine.has(p.pid)) return 'engine';
    if (p.comm === 'postgres' && p.cmdline.includes(` ${BENCH_DATABASE} `)) return 'postgres';
    if (p.comm === loadGenerator || p.pid === process.pid) return 'load';
    return null;
  };
  // Per pid: the ticks when first seen (0 for a process born during the run) and the latest.
  const poll = (first) => {
    const all = processes();
    const engine = descendants(all, enginePids);
    for (const p of all) {
      const party = partyOf(p, engine);
      if (!party) continue;
      const seen = parties[party].get(p.pid);
      if (seen) seen.last = p.ticks;
      else parties[party].set(p.pid, { base: first ? p.ticks : 0, last: p.ticks });
    }
  };
  const startedAt = process.hrtime.bigint();
  const startMachine = machine();
  poll(true);
  const timer = setInterval(() => poll(false), 200);
  return {
    stop() {
      clearInterval(timer);
      poll(false);
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const end = machine();
      const share = (party) => [...parties[party].values()].reduce((sum, t) => sum + t.last - t.base, 0) / TICKS / seconds;
      const total = (end.total - startMachine.total) / TICKS / seconds;
      const idle = (end.idle - startMachine.idle) / TICKS / seconds;
      const shares = { engine: share('engine'), postgres: share('postgres'), load: share('load') };
      return { ...shares, others: Math.max(0, total - idle - shares.engine - shares.postgres - shares.load), idle, cores: total };
    },
  };
}

/** The machine's idle share over a short interval: how much of the machine the bench can have. */
export async function idleShare(seconds = 3) {
  const a = machine();
  await sleep(seconds * 1000);
  const b = machine();
  return { idle: (b.idle - a.idle) / (b.total - a.total), cores: cpus().length };
}
