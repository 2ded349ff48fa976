// The two GraphQL servers as child processes on free local ports: Troc (the built Troc.Graph.dll, Production) and
// PostGraphile 4 (its CLI, production mode), both against troc_bench_search.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One signing secret for the run, usable by both: Troc reads `Auth:SigningKey` as base64 bytes, PostGraphile's
 * `--jwt-secret` as a string whose UTF-8 bytes are the key, so the secret is printable ASCII and Troc gets it base64-encoded.
 */
export function signingSecret() {
  const ascii = randomBytes(48).toString('base64url').slice(0, 48);
  return { ascii, base64: Buffer.from(ascii, 'utf8').toString('base64') };
}

export async function postGraphQL(url, body, token) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { throw new Error(`${url}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`); }
  if (!response.ok || json.errors?.length) throw new Error(`${url}: HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 600)}`);
  return json.data;
}

class ChildServer {
  constructor(name, child, url, logFile) {
    this.name = name;
    this.child = child;
    this.url = url;
    this.logFile = logFile;
  }

  get pid() { return this.child.pid; }

  async waitReady(probe, seconds = 90) {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited (${this.child.exitCode}); see ${this.logFile}`);
      try {
        await postGraphQL(this.url, { query: probe });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${this.name} did not answer in ${seconds} s: ${error.message}; see ${this.logFile}`);
      }
      await sleep(300);
    }
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    // The process group: PostGraphile's cluster workers go with their master.
    try { process.kill(-this.child.pid, 'SIGTERM'); } catch { this.child.kill('SIGTERM'); }
    const timeout = sleep(10_000).then(() => 'timeout');
    if (await Promise.race([exited, timeout]) === 'timeout') {
      try { process.kill(-this.child.pid, 'SIGKILL'); } catch { this.child.kill('SIGKILL'); }
      await exited;
    }
  }
}

function start(name, command, args, env, logFile) {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

export async function startTroc({ serverDll, connectionString, secret, rawDir, root }) {
  const port = await freePort();
  const logFile = path.join(rawDir, 'troc-server.log');
  const child = start('Troc', 'dotnet', [serverDll], {
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
    ASPNETCORE_ENVIRONMENT: 'Production',
    ConnectionStrings__Troc: connectionString,
    // One process: the in-memory event bus; the run's signing key; one client address, so no rate limit.
    Redis__Configuration: '',
    Auth__SigningKey: secret.base64,
    Abuse__RateLimitingEnabled: 'false',
    Logging__LogLevel__Default: 'Warning',
  }, logFile);
  const server = new ChildServer('Troc', child, `http://127.0.0.1:${port}/graphql`, logFile);
  server.cwd = root;
  await server.waitReady('{ __typename }');
  return server;
}

export async function startPostGraphile({ here, databaseUrl, secret, rawDir, workers, poolSize }) {
  const port = await freePort();
  const logFile = path.join(rawDir, 'postgraphile.log');
  const cli = path.join(here, 'node_modules', 'postgraphile', 'cli.js');
  const args = [
    cli,
    '--connection', databaseUrl,
    '--schema', 'bench_peer',
    '--host', '127.0.0.1',
    '--port', String(port),
    '--cluster-workers', String(workers),
    '--max-pool-size', String(poolSize),
    '--disable-query-log',
    '--disable-graphiql',
    '--disable-default-mutations',
    '--no-setof-functions-contain-nulls',
    '--dynamic-json',
    // Troc's own access tokens, verified as Troc does: HS256, its issuer and audience. Their `role` claim is Troc's
    // (MEMBER), not a PostgreSQL role, so PostGraphile reads the role from a claim the tokens do not carry.
    '--jwt-secret', secret.ascii,
    '--jwt-verify-algorithms', 'HS256',
    '--jwt-verify-audience', 'troc-api',
    '--jwt-verify-issuer', 'troc',
    '--jwt-role', 'pg_role',
  ];
  const child = start('PostGraphile', process.execPath, args, { NODE_ENV: 'production' }, logFile);
  const server = new ChildServer('PostGraphile', child, `http://127.0.0.1:${port}/graphql`, logFile);
  await server.waitReady('{ __typename }');
  // The cluster master answers as soon as one worker listens: wait until every worker has built its schema.
  await sleep(3000);
  await server.waitReady('{ __typename }');
  return server;
}
