/** `pnpm spec`: writes spec/openapi.json from the route definitions. */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openApiText } from './openapi.js'

const target = fileURLToPath(new URL('../../../spec/openapi.json', import.meta.url))
writeFileSync(target, openApiText())
process.stdout.write(`wrote ${target}\n`)
