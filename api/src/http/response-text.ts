import type { Context } from 'hono'

/**
 * Keeps the text of the response a request answers with, for middleware that
 * stores it (the idempotency record). Reading it back from the Response —
 * `c.res.clone().text()` — would make @hono/node-server turn its lightweight
 * response into a web Response, and send it through a stream reader rather
 * than in one write. So `c.json` and `c.body` are watched while the handler
 * runs, and the text is taken from what they were given; a response made any
 * other way (or replaced afterwards) is read back after all.
 *
 * Call before `next()`; the returned function after it.
 */
export function watchResponseText(c: Context): () => Promise<string> {
  let written: { response: Response; text: string } | undefined
  const { json, body } = c
  c.json = ((object: unknown, ...rest: unknown[]) => {
    const response = (json as (...args: unknown[]) => Response)(object, ...rest)
    // The same call hono made, at the same moment: the stored text is the sent text.
    written = { response, text: JSON.stringify(object) }
    return response
  }) as typeof c.json
  c.body = ((data: unknown, ...rest: unknown[]) => {
    const response = (body as (...args: unknown[]) => Response)(data, ...rest)
    written = typeof data === 'string' ? { response, text: data } : undefined
    return response
  }) as typeof c.body
  return async () =>
    written && written.response === c.res ? written.text : await c.res.clone().text()
}
