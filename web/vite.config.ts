import { defineConfig } from 'vitest/config';

// The build lands in target/classes/static: the module's jar then carries static/**, which
// Spring Boot serves at /. `npm run dev` proxies the API and sockets to a server on :8080.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
