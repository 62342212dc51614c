import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * The peer address of the request's socket. Forwarding headers are not
 * trusted (anyone can send them); behind a proxy this is the proxy's address.
 */
export function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // in-process requests (tests) have no socket
  }
}
