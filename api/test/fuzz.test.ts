import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { createTestApp, type TestApp } from '../src/testing.js'
import { describeRequest, requestArbitrary } from './support/arbitraries.js'
import { sessionFor } from './support/credentials.js'
import { harvestDownloadTokens, harvestIds, idsForParams } from './support/harvest.js'
import { reportGate } from './support/report.js'
import { checkResponse } from './support/response-check.js'
import { operations } from './support/spec.js'

/**
 * Gate 1 — spec-driven fuzzing. For every operation in spec/openapi.json,
 * valid and invalid requests generated from its schemas are sent in process,
 * authenticated as real seeded users; every response must be documented.
 *   FUZZ_RUNS=2000 pnpm --filter @portico/api test   (longer run)
 *   FUZZ_SEED=123 …                                    (another sequence)
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)
const ADMIN = 'admin@brandt-maschinenbau.de'

describe('gate: spec-driven fuzzing', () => {
  let t: TestApp
  let knownIds: Set<string>
  const stats = { operations: 0, requests: 0, serverErrors: 0, undocumented: 0 }

  before(async () => {
    // Rate limits stay on, but high enough that valid requests reach the handlers.
    t = await createTestApp({ PORTICO_EMBED_MINTS_PER_MINUTE: '100000' })
    const token = await sessionFor(t.db, ADMIN, t.clock.now())
    knownIds = await harvestIds(t.app, { authorization: `Bearer ${token}` })
    // Real download links (bound to this session, which stays live: the test clock stands still).
    for (const link of await harvestDownloadTokens(
      t.app,
      { authorization: `Bearer ${token}` },
      knownIds,
    ))
      knownIds.add(link)
  })
  after(async () => {
    reportGate('fuzz', {
      'operations fuzzed': stats.operations,
      'requests sent': stats.requests,
      '5xx': stats.serverErrors,
      'undocumented responses': stats.undocumented,
    })
    await t.close()
  })

  for (const op of operations()) {
    test(`${op.name} (${op.operationId}) answers every generated request as documented`, async () => {
      stats.operations++
      const arbitrary = requestArbitrary(op, idsForParams(op, knownIds))
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request) => {
          // A fresh credential per request: an operation that signs out must not starve the next.
          const auth =
            op.permission === 'public'
              ? undefined
              : op.permission === 'operator'
                ? `Bearer ${t.operatorKey}`
                : `Bearer ${await sessionFor(t.db, ADMIN, t.clock.now())}`
          const query = new URLSearchParams(request.query).toString()
          const response = await t.app.request(`${request.path}${query ? `?${query}` : ''}`, {
            method: request.method,
            headers: { ...request.headers, ...(auth ? { authorization: auth } : {}) },
            body: request.body,
          })
          stats.requests++
          const violations = await checkResponse(op, request, response)
          if (response.status >= 500) stats.serverErrors++
          if (violations.length) {
            stats.undocumented++
            assert.fail(
              `${op.name}: ${violations.join(' | ')}\n  reproduce: ${describeRequest(request, auth ?? '')}`,
            )
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true },
      )
    })
  }
})
