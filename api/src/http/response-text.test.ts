import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Hono } from 'hono'
import { watchResponseText } from './response-text.js'

/** An app whose one middleware records the text `watchResponseText` gives for each response. */
function recordingApp() {
  const seen: string[] = []
  const app = new Hono()
  app.use(async (c, next) => {
    const text = watchResponseText(c)
    await next()
    seen.push(await text())
  })
  return { app, seen }
}

describe('watchResponseText', () => {
  test('is the text c.json and c.body sent', async () => {
    const { app, seen } = recordingApp()
    app.get('/json', (c) => c.json({ id: 'ord_1', total: 1200 }, 201))
    app.get('/body', (c) => c.body('{"a":1}', 200, { 'Content-Type': 'application/problem+json' }))
    for (const path of ['/json', '/body']) {
      const response = await app.request(path)
      assert.equal(await response.text(), seen.at(-1))
    }
    assert.deepEqual(seen, ['{"id":"ord_1","total":1200}', '{"a":1}'])
  })

  test('reads back a response made another way, or replaced after c.json', async () => {
    const { app, seen } = recordingApp()
    app.get('/made', () => new Response('made by hand'))
    app.get('/replaced', (c) => {
      c.json({ first: true })
      return c.text('second')
    })
    app.use('/after/*', async (c, next) => {
      await next()
      c.res = new Response('rewritten', c.res)
    })
    app.get('/after/json', (c) => c.json({ original: true }))
    for (const path of ['/made', '/replaced', '/after/json']) {
      const response = await app.request(path)
      assert.equal(await response.text(), seen.at(-1))
    }
    assert.deepEqual(seen, ['made by hand', 'second', 'rewritten'])
  })
})
