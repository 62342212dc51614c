/**
 * Keeps the embedded Portico widgets signed in. The client secret in the
 * page lives at most 15 minutes; shortly before it expires this asks the
 * intranet's own server for a new one (`/portico-session?fuer=<page>`, which
 * holds the operator key and knows what the page's widgets may do) and hands
 * it to <portico-provider>.
 */
const provider = document.querySelector('portico-provider')
const RETRY_SECONDS = 30

let timer

function schedule(seconds) {
  clearTimeout(timer)
  const due = Date.now() + seconds * 1000
  provider.dataset.refreshAt = String(due)
  timer = setTimeout(refresh, seconds * 1000)
}

async function refresh() {
  try {
    const page = encodeURIComponent(provider.dataset.session ?? 'rechnungen')
    const response = await fetch(`/portico-session?fuer=${page}`, {
      credentials: 'same-origin',
      cache: 'no-store',
    })
    if (!response.ok) throw new Error(`status ${response.status}`)
    const session = await response.json()
    provider.setAttribute('client-secret', session.clientSecret)
    schedule(session.refreshInSeconds)
  } catch (error) {
    console.warn('Portico session refresh failed; retrying', error)
    schedule(RETRY_SECONDS)
  }
}

if (provider) {
  schedule(Number(provider.dataset.refreshIn) || RETRY_SECONDS)
  // Browsers slow timers down in background tabs: catch up when the tab is shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() >= Number(provider.dataset.refreshAt))
      void refresh()
  })
}
