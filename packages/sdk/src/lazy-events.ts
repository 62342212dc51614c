import type { EventSubscription, PortalEvents, PortalEventsConfig } from './events.js'

/**
 * `portal.events` that loads the streaming code (and its SSE parser) on the
 * first `subscribe`: a page that only lists invoices never downloads it —
 * in a bundler or CDN build it becomes a chunk of its own.
 */
export function lazyPortalEvents(config: PortalEventsConfig): PortalEvents {
  return {
    subscribe(options, handler): EventSubscription {
      let inner: EventSubscription | undefined
      let closed = options.signal?.aborted ?? false
      options.signal?.addEventListener(
        'abort',
        () => {
          closed = true
          inner?.close()
        },
        { once: true },
      )
      void import('./events.js').then(({ portalEvents }) => {
        if (!closed) inner = portalEvents(config).subscribe(options, handler)
      })
      return {
        close() {
          closed = true
          inner?.close()
        },
        get lastEventId() {
          return inner?.lastEventId ?? options.lastEventId
        },
        get closed() {
          return closed || (inner?.closed ?? false)
        },
      }
    },
  }
}
