import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './build/precompress';

// `npm run dev` serves the app on :5173 and forwards the API (HTTP and WebSocket), photos and health to the server
// that `./troc run` starts on :5000. In production the server itself serves the built app (dist/) on the same origin.
const api = process.env.TROC_API ?? 'http://localhost:5000';

export default defineConfig({
  plugins: [react(), precompressPlugin()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/media': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'codegen/**/*.test.ts', 'build/**/*.test.ts'] },
});
