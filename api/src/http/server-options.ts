import type { ServerOptions } from 'node:http'
import type { Config } from '../config.js'

/**
 * Node HTTP server options that keep slow clients from tying up sockets
 * (slow loris): headers must arrive within `headersTimeoutMs` and the whole
 * request within `requestTimeoutMs`, checked every second rather than
 * Node's default 30 s; idle keep-alive sockets close after 5 s.
 */
export function serverOptions(
  config: Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs'>,
): ServerOptions {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: 1_000,
  }
}
