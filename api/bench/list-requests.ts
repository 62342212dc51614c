import type { BenchRequest } from './load.js'
import type { BenchManifest } from './seed.js'
import { BENCH_PASSWORD } from './seed.js'

export interface ListRequests {
  /** The rotation: one request per chosen page of the account's list. */
  requests: BenchRequest[]
  /** Invoices the account has, counted by walking its whole list through the API. */
  invoiceCount: number
  /** The first page exactly as the API sent it, for the baseline to serve. */
  firstPage: { body: string; contentType: string }
}

/**
 * Signs in once as the bench account's buyer (a real POST /v1/auth/login:
 * scrypt and all), walks the account's whole invoice list page by page to
 * collect real cursors, and builds the rotation of `GET /v1/invoices` requests
 * for the chosen pages.
 */
export async function prepareListRequests(
  baseUrl: string,
  manifest: BenchManifest,
  options: { limit: number; pages: number[] },
): Promise<ListRequests> {
  const login = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: manifest.benchAccount.email, password: BENCH_PASSWORD }),
  })
  if (login.status !== 200) {
    throw new Error(
      `Login as ${manifest.benchAccount.email} failed: ${login.status} ${await login.text()}`,
    )
  }
  const { token } = (await login.json()) as { token: string }
  const headers = { authorization: `Bearer ${token}` }

  // pathOfPage[n - 1] is the path of page n.
  const pathOfPage: string[] = []
  let path: string | null = `/v1/invoices?limit=${options.limit}`
  let invoiceCount = 0
  let firstPage: ListRequests['firstPage'] | undefined
  while (path) {
    pathOfPage.push(path)
    const response = await fetch(`${baseUrl}${path}`, { headers })
    const body = await response.text()
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body}`)
    firstPage ??= { body, contentType: response.headers.get('content-type') ?? 'application/json' }
    const page = JSON.parse(body) as { data: unknown[]; nextCursor: string | null }
    invoiceCount += page.data.length
    path = page.nextCursor
      ? `/v1/invoices?limit=${options.limit}&cursor=${encodeURIComponent(page.nextCursor)}`
      : null
  }
  const missing = options.pages.filter((n) => n > pathOfPage.length)
  if (missing.length > 0) {
    throw new Error(
      `The bench account has ${pathOfPage.length} pages of ${options.limit}; ` +
        `BENCH_PAGES asks for page ${missing.join(', ')}`,
    )
  }
  return {
    requests: options.pages.map((n) => ({ path: pathOfPage[n - 1]!, headers })),
    invoiceCount,
    firstPage: firstPage!,
  }
}
