import { gzipSync } from 'node:zlib'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import esbuild from 'rollup-plugin-esbuild'

/**
 * The all-in-one CDN bundle (Lit included) must stay under this, gzipped.
 *
 * 20 KB was the figure for the invoice list alone. With the ordering
 * elements it holds four interactive components and all five catalogues,
 * 44.5 KB as measured (each part alone, or what adding it costs): Lit 5.9,
 * the SDK 3.8 (its SSE client is a separate 2.4 KB chunk, loaded on the
 * first subscription), the catalogues 9.8 (five languages, ~150 strings
 * each), provider and invoice list 7.2, order list 2.7, order tracker 5.2,
 * quick order 9.9. The budget leaves under 2 KB of headroom, so growth is a
 * decision, not drift. A page that needs fewer elements imports them one by
 * one through a bundler (`@portico/elements/order-list.js`, …).
 */
const CDN_BUDGET_BYTES = 46 * 1024

const typescript = () =>
  esbuild({ target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname })

/**
 * Prints the raw and gzip size of every emitted chunk, and fails the build
 * when a chunk is over its budget.
 * @param {{ budgets?: Record<string, number> }} [options] gzip budgets by file name
 * @returns {import('rollup').Plugin}
 */
function gzipSizes({ budgets = {} } = {}) {
  return {
    name: 'gzip-sizes',
    generateBundle(outputOptions, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue
        const name = `${outputOptions.dir}/${file.fileName}`
        const raw = Buffer.byteLength(file.code)
        const gzip = gzipSync(file.code, { level: 9 }).length
        const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9)
        console.log(`  ${name.padEnd(40)} ${kb(raw)}  ${kb(gzip)} gzip`)
        const budget = budgets[file.fileName]
        if (budget !== undefined && gzip > budget) {
          this.error(`${name} is ${gzip} bytes gzipped, over its budget of ${budget} bytes`)
        }
      }
    },
  }
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  // Per-element ESM entry points for bundlers: dependencies stay imports, so
  // an app shares one Lit; code both entries use lands in chunks/.
  {
    input: {
      index: 'src/index.ts',
      provider: 'src/provider/provider.define.ts',
      'invoice-list': 'src/invoice-list/invoice-list.define.ts',
      'quick-order': 'src/quick-order/quick-order.define.ts',
      'order-list': 'src/order-list/order-list.define.ts',
      'order-tracker': 'src/order-tracker/order-tracker.define.ts',
    },
    external: [/^lit(\/|$)/, /^@lit\//, /^@portico\/sdk(\/|$)/],
    plugins: [nodeResolve({ extensions: ['.mjs', '.js', '.ts'] }), typescript(), gzipSizes()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  // One file for a <script type="module" src> tag: everything, Lit included,
  // every element defined.
  {
    input: { portico: 'src/index.ts' },
    plugins: [
      nodeResolve({ extensions: ['.mjs', '.js', '.ts'] }),
      typescript(),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
      gzipSizes({ budgets: { 'portico.js': CDN_BUDGET_BYTES } }),
    ],
    output: { dir: 'dist/cdn', format: 'es', sourcemap: true },
  },
]
