import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { loadConfig } from '../../config.js'
import { markSlaBreaches } from '../../jobs/case-sla.js'
import { addBusinessMinutes, parseBusinessHours } from '../../lib/business-hours.js'
import { createTestApp, openSession, type TestApp } from '../../testing.js'
import type { Case } from './schemas.js'
import { slaDueTimes } from './sla.js'

const JAKARTA = parseBusinessHours('Mon-Fri 08:00-17:00', 'Asia/Jakarta')

describe('SLA due times on business hours', () => {
  test('a case raised Friday 16:30 with 8 business hours is due Monday 15:30', () => {
    // 2026-11-27 is a Friday; 16:30 in Jakarta (UTC+7) is 09:30Z.
    const due = addBusinessMinutes(JAKARTA, new Date('2026-11-27T09:30:00Z'), 8 * 60)
    assert.equal(due.toISOString(), '2026-11-30T08:30:00.000Z') // Monday 15:30 WIB
  })

  test('time raised outside the window starts counting when it opens', () => {
    // Saturday noon → Monday 08:00 + 1h.
    const due = addBusinessMinutes(JAKARTA, new Date('2026-11-28T05:00:00Z'), 60)
    assert.equal(due.toISOString(), '2026-11-30T02:00:00.000Z') // Monday 09:00 WIB
  })

  test('days follow the window across a DST change (Europe/Berlin)', () => {
    const berlin = parseBusinessHours('Mon-Fri 09:00-17:00', 'Europe/Berlin')
    // Friday 2026-03-27 16:00 CET (15:00Z), 2h → Monday 30 March 10:00 CEST (08:00Z).
    assert.equal(
      addBusinessMinutes(berlin, new Date('2026-03-27T15:00:00Z'), 120).toISOString(),
      '2026-03-30T08:00:00.000Z',
    )
  })

  test('the default targets by priority, business days counted as whole windows', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORTICO_BUSINESS_HOURS: 'Mon-Fri 08:00-17:00',
      PORTICO_BUSINESS_TIMEZONE: 'Asia/Jakarta',
    })
    const raised = new Date('2026-11-27T09:30:00Z') // Friday 16:30 WIB
    const urgent = slaDueTimes(config, 'urgent', raised)
    assert.equal(urgent.firstResponseDueAt, '2026-11-30T01:30:00.000Z') // Mon 08:30 WIB
    assert.equal(urgent.resolutionDueAt, '2026-11-30T08:30:00.000Z') // Mon 15:30 WIB
    const high = slaDueTimes(config, 'high', raised)
    assert.equal(high.resolutionDueAt, '2026-12-01T09:30:00.000Z') // Tue 16:30 WIB: 2 × 9h
  })

  test('bad business hours or targets stop the start with a clear message', () => {
    assert.throws(
      () => loadConfig({ PORTICO_BUSINESS_HOURS: 'weekdays' }),
      /PORTICO_BUSINESS_HOURS/,
    )
    assert.throws(() => loadConfig({ PORTICO_BUSINESS_TIMEZONE: 'Mars/Olympus' }), /time zone/)
    assert.throws(() => loadConfig({ PORTICO_CASE_SLA: 'urgent=1h/8h' }), /PORTICO_CASE_SLA/)
  })
})

describe('SLA breaches and first responses', () => {
  let t: TestApp
  let key = 0
  // A session of the moment: the test moves the clock over days, past any idle timeout.
  const auth = async () => ({
    authorization: `Bearer ${await openSession(t.db, 'buyer@sinarjaya.co.id', t.clock.now())}`,
  })

  before(async () => {
    t = await createTestApp({
      PORTICO_BUSINESS_HOURS: 'Mon-Fri 08:00-17:00',
      PORTICO_BUSINESS_TIMEZONE: 'Asia/Jakarta',
    })
    t.clock.set(new Date('2026-11-27T09:30:00Z')) // Friday 16:30 WIB
  })
  after(() => t.close())

  const post = async (path: string, body: unknown, headers?: Record<string, string>) =>
    t.app.request(path, {
      method: 'POST',
      headers: {
        ...(headers ?? (await auth())),
        'content-type': 'application/json',
        'idempotency-key': `s-${key++}`,
      },
      body: JSON.stringify(body),
    })
  const operator = () => ({ authorization: `Bearer ${t.operatorKey}` })

  async function raise(priority: string): Promise<Case> {
    const response = await post('/v1/cases', {
      subject: 'Please send the certificate',
      description: 'For batch B-2026-118.',
      category: 'question',
      priority,
    })
    assert.equal(response.status, 201)
    return (await response.json()) as Case
  }

  const breaches = async (caseId: string) => ({
    events: (
      await t.db
        .selectFrom('events')
        .select('data')
        .where('type', '=', 'case.sla_breached')
        .where('subject_id', '=', caseId)
        .execute()
    ).map((e) => (JSON.parse(e.data) as { target: string }).target),
    notifications: Number(
      (
        await t.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('subject_id', '=', caseId)
          .where('type', '=', 'case.sla_breached')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  })

  test('a case raised Friday 16:30 is due on Monday', async () => {
    const created = await raise('normal')
    assert.equal(created.firstResponseDueAt, '2026-11-30T08:30:00.000Z')
  })

  test('the breach job marks a missed first response once, with an event and a notification', async () => {
    t.clock.set(new Date('2026-11-27T09:30:00Z'))
    const created = await raise('urgent') // first response due Mon 08:30 WIB
    t.clock.set(new Date('2026-11-30T01:29:00Z'))
    await markSlaBreaches(t)
    assert.deepEqual(await breaches(created.id), { events: [], notifications: 0 })
    t.clock.set(new Date('2026-11-30T01:31:00Z'))
    await markSlaBreaches(t)
    await markSlaBreaches(t)
    assert.deepEqual(await breaches(created.id), { events: ['first_response'], notifications: 1 })
    const read = (await (
      await t.app.request(`/v1/cases/${created.id}`, { headers: await auth() })
    ).json()) as Case
    assert.deepEqual(read.slaBreached, { firstResponse: true, resolution: false })
    t.clock.set(new Date('2026-11-30T09:00:00Z')) // past the resolution target too
    await Promise.all([markSlaBreaches(t), markSlaBreaches(t)])
    assert.deepEqual((await breaches(created.id)).events.sort(), ['first_response', 'resolution'])
    assert.equal((await breaches(created.id)).notifications, 2)
  })

  test("an agent's first comment is the first response: it stops that clock and opens the case", async () => {
    t.clock.set(new Date('2026-11-27T09:30:00Z'))
    const created = await raise('urgent')
    const answered = await post(
      `/v1/integrations/cases/${created.id}/comments`,
      { body: 'We are on it.', authorName: 'Dewi (Support)' },
      operator(),
    )
    assert.equal(answered.status, 201, await answered.clone().text())
    const read = (await (
      await t.app.request(`/v1/cases/${created.id}`, { headers: await auth() })
    ).json()) as Case
    assert.equal(read.firstRespondedAt, '2026-11-27T09:30:00.000Z')
    assert.equal(read.status, 'open')
    assert.deepEqual(read.comments.at(-1)!.author, { kind: 'agent', name: 'Dewi (Support)' })
    t.clock.set(new Date('2026-11-30T02:00:00Z'))
    await markSlaBreaches(t)
    assert.deepEqual((await breaches(created.id)).events, [])
  })

  test('agent status changes: waiting on the customer, resolved, closed; a closed case stays closed for agents', async () => {
    const created = await raise('low')
    const move = (status: string) =>
      post(
        `/v1/integrations/cases/${created.id}/status`,
        { status, authorName: 'Dewi (Support)' },
        operator(),
      )
    assert.equal(
      ((await (await move('waiting_on_customer')).json()) as Case).status,
      'waiting_on_customer',
    )
    const again = await move('waiting_on_customer')
    assert.equal(again.status, 409)
    assert.equal(((await again.json()) as { code: string }).code, 'invalid_transition')
    const resolved = (await (await move('resolved')).json()) as Case
    assert.ok(resolved.resolvedAt)
    const closed = (await (await move('closed')).json()) as Case
    assert.equal(closed.resolvedAt, resolved.resolvedAt)
    const reopened = await move('open')
    assert.equal(reopened.status, 409)
    const missing = await post(
      '/v1/integrations/cases/case_01jd4h7c2m8x3v9q5t6w2n4k8r/status',
      { status: 'open', authorName: 'x' },
      operator(),
    )
    assert.equal(missing.status, 404)
    const unauthenticated = await post(`/v1/integrations/cases/${created.id}/status`, {
      status: 'open',
      authorName: 'x',
    })
    assert.equal(unauthenticated.status, 401)
  })
})
