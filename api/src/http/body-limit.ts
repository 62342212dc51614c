import { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * hono's bodyLimit, without its toll on every POST. Asking for
 * `c.req.raw.body` makes @hono/node-server build a full web Request — a
 * stream over the socket, an AbortController — even when Content-Length
 * already tells the size, and the body is then read through that stream
 * rather than straight from Node's IncomingMessage.
 *
 * Node's HTTP parser hands the application exactly Content-Length bytes (a
 * message carrying both it and Transfer-Encoding is refused before it gets
 * here), so a request from a socket whose declared length is within the
 * limit needs no counting. Anything else — a chunked body, an in-process
 * request whose headers nobody checked — is counted by hono's middleware as
 * it streams.
 */
export function requestBodyLimit(options: {
  maxSize: number
  onError: (c: Context) => Response | Promise<Response>
}): MiddlewareHandler {
  const counted = bodyLimit(options)
  return (c, next) => {
    const declared = c.req.header('content-length')
    const fromSocket =
      (c.env as { incoming?: unknown } | undefined)?.incoming instanceof IncomingMessage
    if (fromSocket && declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > options.maxSize ? Promise.resolve(options.onError(c)) : next()
    }
    return counted(c, next)
  }
}
