import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { generatedDocumentsPlugin } from './build/documents.ts';
import { inlineStylesheetsPlugin } from './build/inlineCss.ts';
import { introspectionAsJsonPlugin } from './build/introspection.ts';
import { precompressPlugin } from './build/precompress.ts';

// `npm run dev` serves the app on :5173 and forwards the API (HTTP and WebSocket), photos and health to the server
// that `./troc run` starts on :5000. In production the server itself serves the built app (dist/) on the same origin.
const api = process.env.TROC_API ?? 'http://localhost:5000';

export default defineConfig({
  plugins: [react(), generatedDocumentsPlugin(), introspectionAsJsonPlugin(), inlineStylesheetsPlugin(), precompressPlugin()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/media': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The libraries every page needs, in two chunks of their own: they change far less often than the app, so a
        // new release leaves them in the browser's cache (assets/ is cached for good). Pages beyond the home are
        // chunks of their own (React.lazy in App.tsx).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
            { name: 'graphql', test: /node_modules[\\/](urql|@urql|wonka|@0no-co|graphql-ws)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'codegen/**/*.test.ts', 'build/**/*.test.ts'] },
});
