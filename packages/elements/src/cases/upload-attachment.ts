import type { CaseAttachment, PortalClient } from '../portal-client.js'
import { settle, type RequestError } from '../request-error.js'

export interface UploadOptions {
  /** Attach the file to this comment of the case. */
  commentId?: string
  /** Told as bytes go out: `loaded` of `total`. */
  onProgress?: (loaded: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Sends the request the client prepared (its URL, its credential headers)
 * with XMLHttpRequest, the one browser API that reports upload progress over
 * HTTP/1.1 — a streaming `fetch` upload needs HTTP/2.
 */
function xhrFetch(form: FormData, options: UploadOptions) {
  return (request: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', request.url)
      xhr.withCredentials = request.credentials === 'include'
      request.headers.forEach((value, name) => {
        // The browser writes the multipart boundary itself.
        if (name !== 'content-type') xhr.setRequestHeader(name, value)
      })
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded, event.total)
      }
      xhr.onload = () => {
        const headers = new Headers()
        const type = xhr.getResponseHeader('content-type')
        if (type) headers.set('content-type', type)
        resolve(
          new Response(xhr.status === 204 ? null : xhr.responseText, {
            status: xhr.status,
            headers,
          }),
        )
      }
      xhr.onerror = () => reject(new TypeError('The upload failed: no answer.'))
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
      xhr.send(form)
    })
}

/**
 * Uploads one file to a case (`POST /v1/cases/{id}/attachments`, multipart:
 * `commentId` first, then `file`), reporting progress. Resolves with the
 * attachment or a {@link RequestError} — 413 too large, 415/400
 * `content_mismatch` when the bytes are not what the name says, 409 closed.
 */
export function uploadCaseAttachment(
  client: PortalClient,
  caseId: string,
  file: File,
  options: UploadOptions = {},
): Promise<{ data: CaseAttachment } | { error: RequestError }> {
  const form = new FormData()
  if (options.commentId) form.append('commentId', options.commentId)
  form.append('file', file, file.name)
  return settle(() =>
    client.POST('/v1/cases/{id}/attachments', {
      params: { path: { id: caseId } },
      // The form is sent as built; the typed body only satisfies the client.
      body: form as unknown as { file: string },
      bodySerializer: () => form,
      fetch: xhrFetch(form, options),
    }),
  )
}
