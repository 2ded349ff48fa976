// The bench's own objects in troc_bench_search: the side schema for PostGraphile (side-schema.sql) and a bench member
// who can sign in. Both are undone by `teardown`, which also runs first, so a run that died leaves nothing behind for long.
import { readFileSync } from 'node:fs';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { BENCH_DATABASE } from './cpu.mjs';

export const BENCH_PASSWORD = 'bench-peer-password';

/** ASP.NET Core Identity's PasswordHasher v3 format: PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt, 256-bit subkey. */
export function identityPasswordHash(password) {
  const iterations = 100_000;
  const salt = randomBytes(16);
  const subkey = pbkdf2Sync(password, salt, iterations, 32, 'sha512');
  const header = Buffer.alloc(13);
  header.writeUInt8(0x01, 0);
  header.writeUInt32BE(2, 1); // KeyDerivationPrf.HMACSHA512
  header.writeUInt32BE(iterations, 5);
  header.writeUInt32BE(salt.length, 9);
  return Buffer.concat([header, salt, subkey]).toString('base64');
}

export function connect(pgConfig) {
  return new pg.Client(pgConfig);
}

export async function teardown(client) {
  const { rows } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'bench_peer'");
  if (rows.length === 0) return;
  await client.query('BEGIN');
  const hasSample = await client.query("SELECT to_regclass('bench_peer.sample_listings') IS NOT NULL AS present");
  if (hasSample.rows[0].present) {
    // The wants added to the sampled listings (their item-type rows go with them, ON DELETE CASCADE).
    await client.query('DELETE FROM public.listing_wants WHERE listing_id IN (SELECT id FROM bench_peer.sample_listings)');
  }
  const hasUser = await client.query("SELECT to_regclass('bench_peer.bench_user') IS NOT NULL AS present");
  if (hasUser.rows[0].present) {
    await client.query(`UPDATE public.users u SET password_hash = b.password_hash, failed_login_count = 0, locked_until = NULL
                        FROM bench_peer.bench_user b WHERE u.id = b.id`);
    await client.query('DELETE FROM public.user_sessions WHERE user_id IN (SELECT id FROM bench_peer.bench_user)');
  }
  await client.query('DROP SCHEMA bench_peer CASCADE');
  await client.query('COMMIT');
}

/** Creates the side schema and the bench member (the owner with the most listings); returns what the workloads need. */
export async function setup(client, here) {
  await teardown(client);
  await client.query('BEGIN');
  await client.query(readFileSync(path.join(here, 'side-schema.sql'), 'utf8'));
  await client.query(`CREATE TABLE bench_peer.bench_user (id uuid PRIMARY KEY, password_hash text NOT NULL);
                      COMMENT ON TABLE bench_peer.bench_user IS E'@omit'`);
  const { rows: [member] } = await client.query(`
      SELECT u.id, u.email, u.password_hash FROM public.users u
      JOIN (SELECT owner_id, count(*) AS n FROM public.listings GROUP BY owner_id ORDER BY n DESC, owner_id LIMIT 1) o ON o.owner_id = u.id`);
  await client.query('INSERT INTO bench_peer.bench_user (id, password_hash) VALUES ($1, $2)', [member.id, member.password_hash]);
  await client.query('UPDATE public.users SET password_hash = $2, failed_login_count = 0, locked_until = NULL WHERE id = $1',
    [member.id, identityPasswordHash(BENCH_PASSWORD)]);
  await client.query('COMMIT');
  await client.query('ANALYZE public.listing_wants, public.listing_want_item_types');
  const { rows } = await client.query('SELECT id FROM bench_peer.sample_listings ORDER BY n');
  return { sampleIds: rows.map((r) => r.id), member: { id: member.id, email: member.email, password: BENCH_PASSWORD } };
}

/** The local PostgreSQL of ConnectionStrings__Troc (Npgsql's "Key=Value;" form), with the bench database. */
export function benchDatabase() {
  const fallback = 'Host=127.0.0.1;Port=55432;Database=troc;Username=troc;Password=troc';
  const text = process.env.ConnectionStrings__Troc || fallback;
  const parts = Object.fromEntries(text.split(';').filter(Boolean).map((kv) => {
    const at = kv.indexOf('=');
    return [kv.slice(0, at).trim().toLowerCase(), kv.slice(at + 1).trim()];
  }));
  const config = {
    host: parts.host ?? '127.0.0.1', port: Number(parts.port ?? 5432), user: parts.username ?? parts['user id'] ?? 'troc',
    password: parts.password ?? '', database: BENCH_DATABASE,
  };
  const rest = Object.entries(parts).filter(([k]) => !['host', 'port', 'username', 'user id', 'password', 'database'].includes(k));
  const npgsql = `Host=${config.host};Port=${config.port};Database=${config.database};Username=${config.user};Password=${config.password}`
    + rest.map(([k, v]) => `;${k}=${v}`).join('');
  const url = `postgres://${encodeURIComponent(config.user)}:${encodeURIComponent(config.password)}@${config.host}:${config.port}/${config.database}`;
  return { pg: config, npgsql, url };
}
