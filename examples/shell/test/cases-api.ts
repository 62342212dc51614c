/**
 * Cases made through the API over HTTP, as a customer's integration or the
 * CRM would make them — the data the browser suite then looks at in the shell.
 */
import { randomUUID } from 'node:crypto'
import { signIn } from '@portico/api/testing'
import type { Portico } from './harness.js'

export interface RaisedCase {
  id: string
  number: string
  subject: string
  description: string
  category: string
  comments: Array<{ body: string; authorName?: string }>
}

async function post(
  portico: Portico,
  path: string,
  headers: Record<string, string>,
  body: unknown,
) {
  const response = await fetch(`${portico.baseUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  return response.json() as Promise<unknown>
}

/** A portal user's API access: their session's `Authorization` header. */
export async function portalUser(portico: Portico, email: string) {
  const { headers } = await signIn(portico.app, email)
  return {
    raiseCase: (body: { subject: string; description: string; category: string }) =>
      post(portico, '/v1/cases', headers, body) as Promise<{ id: string; number: string }>,
    comment: (caseId: string, body: string) =>
      post(portico, `/v1/cases/${encodeURIComponent(caseId)}/comments`, headers, { body }),
    getCase: async (caseId: string) => {
      const response = await fetch(`${portico.baseUrl}/v1/cases/${encodeURIComponent(caseId)}`, {
        headers,
      })
      if (!response.ok) throw new Error(`GET case ${caseId}: ${response.status}`)
      return response.json() as Promise<RaisedCase>
    },
  }
}

/** An agent's answer, through the operator's inbound endpoint (what the CRM calls). */
export function agentComment(portico: Portico, caseId: string, body: string, authorName: string) {
  return post(
    portico,
    `/v1/integrations/cases/${encodeURIComponent(caseId)}/comments`,
    { authorization: `Bearer ${portico.operatorKey}` },
    { body, authorName },
  )
}
