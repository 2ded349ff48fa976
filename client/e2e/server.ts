// Starts the real Troc server on a fresh PostgreSQL database of its own (migrated and seeded with the demo data), the
// local Redis, a file outbox (mails are read from it) and the built web app (dist/) at its root. The end-to-end tests
// start it through the default export (Playwright's global setup); bench/web starts it in Production through
// startTrocServer.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';

const repository = resolve(import.meta.dirname, '..', '..');
const graphDll = join(repository, 'Troc.Graph', 'bin', 'Release', 'net10.0', 'Troc.Graph.dll');

const server = new URL(process.env.ConnectionStrings__Troc
  ? `postgresql://x/?${process.env.ConnectionStrings__Troc.split(';').join('&')}`
  : 'postgresql://x/?Host=127.0.0.1&Port=55432&Username=troc&Password=troc');
const pg = {
  host: server.searchParams.get('Host') ?? '127.0.0.1',
  port: server.searchParams.get('Port') ?? '55432',
  user: server.searchParams.get('Username') ?? 'troc',
  password: server.searchParams.get('Password') ?? 'troc',
};

function psql(sql: string) {
  execFileSync('psql', ['-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
    env: { ...process.env, PGPASSWORD: pg.password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function ensurePortIsFree(port: number, portVariable: string): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', () => fail(new Error(`port ${port} is taken: set ${portVariable} to a free one`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok()));
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Troc server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Troc server did not answer ${url}/health within ${timeoutMs / 1000} s`);
}

export interface TrocServerOptions {
  /** ASPNETCORE_ENVIRONMENT: the tests run in E2E, benchmarks in Production. */
  environment: string;
  port: number;
  /** The environment variable that chose the port, named when it is taken. */
  portVariable: string;
  /** The database to create (dropped first if it exists, and again when the server stops). */
  database: string;
  /** Per-IP and per-account rate limits; the tests register every member from one address, so they turn them off. */
  rateLimiting: boolean;
  /** Keeps the outbox and the photos after the server stops, for a look. */
  keepFiles: boolean;
}

export interface TrocServer {
  baseURL: string;
  /** The folder the server writes mails to. */
  outbox: string;
  stop(): Promise<void>;
}

export async function startTrocServer(options: TrocServerOptions): Promise<TrocServer> {
  const { database, port } = options;
  const work = mkdtempSync(join(tmpdir(), 'troc-server-'));
  const outbox = join(work, 'outbox');
  await ensurePortIsFree(port, options.portVariable);
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: options.environment,
    ASPNETCORE_CONTENTROOT: join(repository, 'Troc.Graph'),
    ConnectionStrings__Troc: `Host=${pg.host};Port=${pg.port};Database=${database};Username=${pg.user};Password=${pg.password}`,
    Redis__Configuration: process.env.Redis__Configuration ?? '127.0.0.1:56379',
    Auth__SigningKey: randomBytes(32).toString('base64'),
    Mail__OutboxDirectory: outbox,
    Media__LocalPath: join(work, 'media'),
    App__PublicUrl: baseURL,
    WebApp__Path: join(repository, 'client', 'dist'),
    Abuse__RateLimitingEnabled: String(options.rateLimiting),
    Logging__LogLevel__Default: 'Warning',
  };

  psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  psql(`CREATE DATABASE ${database}`);
  const run = (command: string) => execFileSync('dotnet', [graphDll, command], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  run('migrate');
  run('seed');

  const child = spawn('dotnet', [graphDll, '--urls', baseURL], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForHealth(baseURL, child, 60_000);

  return {
    baseURL,
    outbox,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      if (!options.keepFiles) rmSync(work, { recursive: true, force: true });
      else console.log(`kept ${work}`);
    },
  };
}

/** Playwright's global setup: the server the end-to-end tests run against; it returns the teardown. */
export default async function startServer() {
  const server = await startTrocServer({
    environment: 'E2E',
    port: Number(process.env.TROC_E2E_PORT),
    portVariable: 'TROC_E2E_PORT',
    database: `troc_e2e_${process.pid}`,
    // Every test registers from the same address; the limits have their own tests in Troc.Tests.
    rateLimiting: false,
    // TROC_E2E_KEEP=1 keeps the outbox and the photos for a look after a failure.
    keepFiles: Boolean(process.env.TROC_E2E_KEEP),
  });
  // Workers inherit the environment of the process that ran this setup.
  process.env.TROC_E2E_OUTBOX = server.outbox;
  return server.stop;
}
