import { defineConfig } from 'vite'

/**
 * The shell is served by the Portico API from `dist/` (see api/src/app.ts),
 * under a CSP of `script-src 'self'`: Vite emits external module scripts
 * only, never inline ones. `pnpm dev` proxies the API so the session cookie
 * stays same-origin.
 */
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/v1': process.env.PORTICO_URL ?? 'http://localhost:8787',
    },
  },
})
