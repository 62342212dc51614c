/**
 * A tiny History API router: a handful of routes, no framework. Every path that is
 * not a file is answered with index.html by the API (api/src/app.ts), so
 * each route is deep-linkable and the back button works.
 */
export type Route =
  | { name: 'login'; next: string }
  | { name: 'invoices'; status: string | undefined }
  | { name: 'invoice'; id: string }
  /** Paying invoices: `?invoices=a,b` preselects; `?payment=` is the provider's return. */
  | { name: 'pay'; invoiceIds: string[]; paymentId: string | undefined }
  | { name: 'quick-order' }
  | { name: 'orders'; status: string | undefined }
  | { name: 'order'; id: string }
  /** The account's documents; `?type=` and `?q=` are the filters, kept across Back. */
  | { name: 'documents'; type: string | undefined; search: string | undefined }
  | { name: 'contracts' }
  | { name: 'cases' }
  /** Raising a case: `?orderId=`, `?invoiceId=` and `?category=` prefill the form. */
  | {
      name: 'new-case'
      orderId: string | undefined
      invoiceId: string | undefined
      category: string | undefined
    }
  | { name: 'case'; id: string }
  /** What happened in the account; `?kind=` is the filter. */
  | { name: 'activity'; kind: string | undefined }
  | { name: 'not-found' }

/** Why the route changed: first load, a link or redirect, or Back/Forward. */
export type RouteCause = 'load' | 'push' | 'pop'

type Listener = (route: Route, cause: RouteCause) => void

const listeners = new Set<Listener>()

/** A `next` target must be a path on this origin — never `//evil.example` or `https://…`. */
export function safeNext(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : '/'
}

export function matchRoute(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (path === '/login') return { name: 'login', next: safeNext(url.searchParams.get('next')) }
  if (path === '/') return { name: 'invoices', status: url.searchParams.get('status') ?? undefined }
  const invoice = /^\/invoices\/([^/]+)$/.exec(path)
  if (invoice?.[1]) return { name: 'invoice', id: decodeURIComponent(invoice[1]) }
  if (path === '/pay')
    return {
      name: 'pay',
      invoiceIds: (url.searchParams.get('invoices') ?? '').split(',').filter(Boolean),
      paymentId: url.searchParams.get('payment') ?? undefined,
    }
  if (path === '/order') return { name: 'quick-order' }
  if (path === '/orders')
    return { name: 'orders', status: url.searchParams.get('status') ?? undefined }
  const order = /^\/orders\/([^/]+)$/.exec(path)
  if (order?.[1]) return { name: 'order', id: decodeURIComponent(order[1]) }
  if (path === '/documents')
    return {
      name: 'documents',
      type: url.searchParams.get('type') ?? undefined,
      search: url.searchParams.get('q') ?? undefined,
    }
  if (path === '/contracts') return { name: 'contracts' }
  if (path === '/cases') return { name: 'cases' }
  if (path === '/cases/new')
    return {
      name: 'new-case',
      orderId: url.searchParams.get('orderId') ?? undefined,
      invoiceId: url.searchParams.get('invoiceId') ?? undefined,
      category: url.searchParams.get('category') ?? undefined,
    }
  if (path === '/activity')
    return { name: 'activity', kind: url.searchParams.get('kind') ?? undefined }
  const supportCase = /^\/cases\/([^/]+)$/.exec(path)
  if (supportCase?.[1]) return { name: 'case', id: decodeURIComponent(supportCase[1]) }
  return { name: 'not-found' }
}

export function currentRoute(): Route {
  return matchRoute(new URL(location.href))
}

/** The current path and query, for `/login?next=…`. */
export function currentPath(): string {
  return location.pathname + location.search
}

/** Goes to `path` inside the app, adding a history entry unless `replace`. */
export function navigate(path: string, options: { replace?: boolean; state?: unknown } = {}) {
  const url = new URL(path, location.origin)
  if (url.origin !== location.origin) throw new Error(`navigate: ${path} is not on this origin`)
  const state = options.state ?? null
  if (options.replace) history.replaceState(state, '', url)
  else history.pushState(state, '', url)
  notify('push')
}

/** Rewrites the query of the current entry (a filter change) without a new view. */
export function replaceQuery(params: Record<string, string | undefined>) {
  const url = new URL(location.href)
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) url.searchParams.delete(name)
    else url.searchParams.set(name, value)
  }
  history.replaceState(history.state, '', url)
}

export function onRouteChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function notify(cause: RouteCause) {
  const route = currentRoute()
  for (const listener of listeners) listener(route, cause)
}

/** Same-origin links to app routes navigate without a page load. */
function onDocumentClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement)
  if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return
  const url = new URL(anchor.href)
  if (url.origin !== location.origin) return
  // In-page anchors (the skip link) and server pages (/docs) load normally.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return
  if (matchRoute(url).name === 'not-found') return
  event.preventDefault()
  navigate(url.pathname + url.search)
}

/** Starts listening for link clicks and Back/Forward. Call once. */
export function startRouter() {
  document.addEventListener('click', onDocumentClick)
  addEventListener('popstate', () => notify('pop'))
}
