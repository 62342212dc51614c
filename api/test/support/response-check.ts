import type { GeneratedRequest } from './arbitraries.js'
import type { Operation } from './spec.js'
import { responseErrors } from './validators.js'

const EVENT_STREAM = 'text/event-stream'

/**
 * The first chunk of a Server-Sent Events body, then the body is cancelled:
 * an event stream stays open by design, so reading it to the end would hang
 * the gate. Portico's streams send their `retry:` field at once.
 */
async function streamHead(response: Response, timeoutMs = 2_000): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs)
  })
  try {
    const chunk = await Promise.race([reader.read(), timeout])
    return chunk?.value ? new TextDecoder().decode(chunk.value) : ''
  } finally {
    clearTimeout(timer)
    await reader.cancel()
  }
}

/**
 * What the spec and the rules say about one response; returns the
 * violations (empty when the response is right). The Schemathesis checks:
 * no 5xx, invalid input → 4xx problem+json, documented status, content
 * type and body — plus the security headers every response carries.
 */
export async function checkResponse(
  op: Operation,
  request: Pick<GeneratedRequest, 'invalid'>,
  response: Response,
): Promise<string[]> {
  const problems: string[] = []
  const status = response.status
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? null
  // A file (a download): read as bytes, so its length can be checked against Content-Length.
  const binary = contentType !== null && !/json/.test(contentType) && contentType !== EVENT_STREAM
  const bytes = binary ? new Uint8Array(await response.arrayBuffer()) : undefined
  const text = binary
    ? ''
    : contentType === EVENT_STREAM
      ? await streamHead(response)
      : await response.text()

  if (status >= 500) problems.push(`server error ${status}: ${text.slice(0, 200)}`)
  if (request.invalid) {
    if (status < 400 || status >= 500) problems.push(`invalid input was accepted with ${status}`)
    if (contentType !== 'application/problem+json')
      problems.push(`invalid input answered with ${contentType}, not problem+json`)
  }
  const documented = op.responses[String(status)] ?? op.responses.default
  if (!documented) {
    problems.push(
      `status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`,
    )
  } else {
    const mediaTypes = Object.keys(documented)
    if (mediaTypes.length === 0) {
      const length = bytes?.length ?? text.length
      if (length > 0) problems.push(`status ${status} documents no body, got ${length} bytes`)
    } else if (!contentType || !mediaTypes.includes(contentType)) {
      problems.push(
        `content type ${contentType} is not documented for ${status} (${mediaTypes.join(', ')})`,
      )
    } else {
      const schema = documented[contentType]
      if (contentType === EVENT_STREAM && !/^(:|retry:|id:|event:|data:)/.test(text)) {
        problems.push(`the event stream does not open with an SSE field: ${text.slice(0, 80)}`)
      }
      if (schema && /json/.test(contentType)) {
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          problems.push(`body is not JSON: ${text.slice(0, 120)}`)
        }
        if (body !== undefined) {
          const errors = responseErrors(schema, body)
          if (errors.length)
            problems.push(
              `body does not match the documented schema: ${errors.slice(0, 3).join('; ')}`,
            )
        }
      }
    }
  }
  if (bytes && status < 300) problems.push(...fileProblems(response, bytes))
  if (response.headers.get('x-content-type-options') !== 'nosniff')
    problems.push('missing X-Content-Type-Options: nosniff')
  if (response.headers.get('x-powered-by')) problems.push('X-Powered-By is present')
  if (!response.headers.get('referrer-policy')) problems.push('missing Referrer-Policy')
  return problems
}

/**
 * What every file download must carry: offered as an attachment (never
 * rendered by the API's origin), never cached by a shared cache, and, when it
 * states its length, exactly that many bytes.
 */
function fileProblems(response: Response, bytes: Uint8Array): string[] {
  const problems: string[] = []
  if (!/^attachment;/.test(response.headers.get('content-disposition') ?? ''))
    problems.push('a file without Content-Disposition: attachment')
  const cacheControl = response.headers.get('cache-control') ?? ''
  if (!/\bprivate\b/.test(cacheControl) || !/\bno-store\b/.test(cacheControl))
    problems.push(`a file with Cache-Control "${cacheControl}", not private, no-store`)
  const length = response.headers.get('content-length')
  if (length !== null && Number(length) !== bytes.length)
    problems.push(`Content-Length ${length} but ${bytes.length} bytes`)
  return problems
}
