// Prints the SDK's size as a browser bundle (minified, gzip), openapi-fetch
// included: what `import { createPortalClient } from '@portico/sdk'` costs.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'

const result = await build({
  entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
})
const code = result.outputFiles[0].contents
const gzip = gzipSync(code, { level: 9 }).length
console.log(
  `@portico/sdk bundle: ${(code.length / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(2)} KB gzip`,
)
if (gzip > 6 * 1024) {
  console.error('@portico/sdk exceeds its 6 KB gzip budget')
  process.exit(1)
}
