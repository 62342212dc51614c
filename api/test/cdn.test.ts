import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../src/testing.js'

// The elements' CDN files as `pnpm build` lays them out: one file per
// element (and one with all of them), their chunks — a language's messages,
// the event stream — in chunks/ beside them, loaded with import().
describe('the elements CDN at /cdn/', () => {
  let t: TestApp
  let dir: string
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-cdn-'))
    mkdirSync(join(dir, 'chunks'))
    writeFileSync(join(dir, 'portico.js'), 'export {}\n')
    writeFileSync(join(dir, 'invoice-list.js'), "import('./chunks/invoice-list.de-x1.js')\n")
    writeFileSync(join(dir, 'chunks', 'invoice-list.de-x1.js'), 'export const messages = {}\n')
    t = await createTestApp({ PORTICO_CDN_DIR: dir })
  })
  after(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  for (const path of [
    '/cdn/portico.js',
    '/cdn/invoice-list.js',
    '/cdn/chunks/invoice-list.de-x1.js',
  ]) {
    test(`serves ${path} as a module script any page may load`, async () => {
      const response = await t.app.request(path, {
        headers: { origin: 'https://intranet.example' },
      })
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/)
      assert.equal(response.headers.get('access-control-allow-origin'), '*')
      assert.match(response.headers.get('cache-control') ?? '', /^public/)
    })
  }

  test('answers 404 for a file that is not there, and nothing outside the folder', async () => {
    assert.equal((await t.app.request('/cdn/chunks/missing.js')).status, 404)
    const escaped = await t.app.request('/cdn/..%2f..%2fpackage.json')
    assert.notEqual(escaped.status, 200)
  })
})
