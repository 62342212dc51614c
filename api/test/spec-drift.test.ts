import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { openApiText } from '../src/spec/openapi.js'

test('spec/openapi.json is exactly what the routes define (run `pnpm spec` after changing routes)', () => {
  const committed = readFileSync(new URL('../../spec/openapi.json', import.meta.url), 'utf8')
  assert.equal(
    committed,
    openApiText(),
    'spec/openapi.json drifted from the route definitions: run `pnpm spec`',
  )
})
