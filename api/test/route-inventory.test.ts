import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { openApiDocument } from '../src/spec/openapi.js'
import { createTestApp, type TestApp } from '../src/testing.js'

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every live /v1 route and every spec operation, as `METHOD /path/{param}`. */
describe('route inventory (OWASP API9: live routes = documented routes)', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  const spec = openApiDocument()
  const documented = new Set<string>()
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS)
      if (item?.[method]) documented.add(`${method.toUpperCase()} ${path}`)
  }

  test('every live /v1 route is in the spec', () => {
    const live = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    assert.ok(live.size > 0)
    for (const route of live)
      assert.ok(documented.has(route), `${route} is served but not in the spec`)
    for (const route of documented)
      assert.ok(live.has(route), `${route} is in the spec but not served`)
  })

  test('every operation declares its permission, an operationId and its error responses', () => {
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const method of METHODS) {
        const operation = item?.[method] as Record<string, unknown> | undefined
        if (!operation) continue
        const name = `${method.toUpperCase()} ${path}`
        assert.ok(
          typeof operation['x-portico-permission'] === 'string',
          `${name} declares no x-portico-permission`,
        )
        assert.ok(typeof operation.operationId === 'string', `${name} has no operationId`)
        const responses = operation.responses as Record<string, unknown>
        if (operation['x-portico-permission'] !== 'public')
          assert.ok(responses['401'], `${name} documents no 401`)
      }
    }
  })
})
