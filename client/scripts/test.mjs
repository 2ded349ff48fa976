// `npm test`: unit tests (Vitest), then end-to-end tests (Playwright in Debian's Chromium against the real server).
// With TROC_CLIENT_RESULTS set (./troc test sets it), both write JUnit XML there for the summary line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const results = process.env.TROC_CLIENT_RESULTS;
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;

let failed = 0;
if (!existsSync('dist/index.html') || !existsSync('src/gql/index.ts')) failed |= run('npm', ['run', 'build']);
failed |= run('npx', ['vitest', 'run', ...(results ? ['--reporter=default', '--reporter=junit', `--outputFile.junit=${results}/unit.xml`] : [])]);
// End-to-end tests run even when a unit test failed: the summary should count both.
failed |= run('npx', ['playwright', 'test']);
process.exit(failed ? 1 : 0);
