import { defineConfig } from '@playwright/test';

// Playwright drives Debian's Chromium (`./troc test` installs it): no browser is downloaded.
const results = process.env.TROC_CLIENT_RESULTS;
// The port is chosen here, in the main process, so that the workers (which inherit its environment) and the server
// started by the global setup agree on it; it is free-probed there, and a busy one fails loudly.
process.env.TROC_E2E_PORT ??= String(20000 + (process.pid % 20000));

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/server.ts',
  // Generous: the server, the browser and the database share two cores.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: results ? [['list'], ['junit', { outputFile: `${results}/e2e.xml` }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${process.env.TROC_E2E_PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without these, Chromium keeps trying to reach Google's services, which this network refuses.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, grep: /@phone/ },
  ],
});
