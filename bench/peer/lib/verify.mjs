// Before anything is timed, every engine answers each workload once (the listing page for several ids) and the answers,
// normalised to one shape, must be equal: a benchmark that compares different work measures nothing.
import { isDeepStrictEqual } from 'node:util';
import { postGraphQL } from './engines.mjs';

/** Raw SQL as pgbench runs it, for node-postgres: the `\set n` line dropped, `:n` as $1. */
export function rawForClient(sql) {
  return sql.split('\n').filter((line) => !line.startsWith('\\set')).join('\n').replace(/:n\b/g, '$1');
}

/**
 * Search pages in distance order: listings sharing a blurred point tie, and each engine may order a tie group (and
 * cut the last one at the page size) its own way. Equal when the sequence of points is the same, every complete tie
 * group holds the same listings, and the last group holds listings of the same point.
 */
function equalWithTies(a, b) {
  if (a.length !== b.length) return false;
  const groups = (rows) => {
    const out = [];
    for (const row of rows) {
      const key = `${row.latitude},${row.longitude}`;
      if (out.length && out.at(-1).key === key) out.at(-1).rows.push(row);
      else out.push({ key, rows: [row] });
    }
    return out;
  };
  const ga = groups(a);
  const gb = groups(b);
  if (ga.length !== gb.length) return false;
  const sorted = (rows) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
  return ga.every((g, i) => g.key === gb[i].key && g.rows.length === gb[i].rows.length
    && (i === ga.length - 1 || isDeepStrictEqual(sorted(g.rows), sorted(gb[i].rows))));
}

function describe(value) {
  return JSON.stringify(value, null, 1).slice(0, 3000);
}

export async function verify({ workload, ctx, engines, pgClient, log, checks = 8 }) {
  const trocBodies = workload.troc(ctx);
  const peerBodies = workload.peer(ctx);
  const count = Math.min(checks, trocBodies.length);
  for (let i = 0; i < count; i++) {
    const answers = {};
    if (engines.troc) answers.Troc = workload.normalise.troc(await postGraphQL(engines.troc.url, trocBodies[i], workload.authenticated ? ctx.token : undefined));
    if (engines.postgraphile) answers.PostGraphile = workload.normalise.peer(await postGraphQL(engines.postgraphile.url, peerBodies[i], workload.authenticated ? ctx.token : undefined));
    if (engines.raw) {
      const sql = rawForClient(workload.raw(ctx));
      const { rows } = await pgClient.query(sql, sql.includes('$1') ? [i + 1] : []);
      if (rows.length === 0) throw new Error(`${workload.key}: raw SQL returned no row`);
      answers.raw = workload.normalise.raw(rows);
    }
    const [firstName, first] = Object.entries(answers)[0];
    const size = Array.isArray(first) ? first.length : (first.page ?? first.listings ?? first.wants)?.length;
    if (size === 0) throw new Error(`${workload.key}: ${firstName} returned an empty page; the workload measures nothing`);
    for (const [name, answer] of Object.entries(answers).slice(1)) {
      const same = workload.ties ? equalWithTies(first, answer) : isDeepStrictEqual(first, answer);
      if (!same) {
        throw new Error(`${workload.key}: ${name} does not return the same data as ${firstName} (request ${i + 1}).\n`
          + `${firstName}: ${describe(first)}\n${name}: ${describe(answer)}`);
      }
    }
  }
  log(`  verified ${workload.key}: ${Object.keys(engines).filter((k) => engines[k]).join(', ')} return the same data (${count} request${count > 1 ? 's' : ''})`);
}
