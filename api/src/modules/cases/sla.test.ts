import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { loadConfig } from '../../config.js'
import { markSlaBreaches } from '../../jobs/case-sla.js'
import {
  addBusinessMinutes,
  businessTimeBetween,
  parseBusinessHours,
} from '../../lib/business-hours.js'
import { createTestApp, openSession, type TestApp } from '../../testing.js'
import type { Case } from './schemas.js'
import {
  dueTimesForPriority,
  resolutionClockChange,
  slaDueTimes,
  type PriorityClocks,
  type ResolutionClock,
} from './sla.js'

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

// Whole seconds of 2026, like the timestamps a case is stamped with.
const instant = fc
  .integer({
    min: Date.parse('2026-01-01T00:00:00Z') / 1000,
    max: Date.parse('2027-01-01T00:00:00Z') / 1000,
  })
  .map((seconds) => new Date(seconds * 1000))
describe('SLA clocks when the priority changes', () => {
  // Defaults: urgent 1h/8h, high 4h/2d, normal 8h/5d, low 2d/10d; a business day is 9 hours.
  const settings = loadConfig({
    NODE_ENV: 'test',
    PORTICO_BUSINESS_HOURS: 'Mon-Fri 08:00-17:00',
    PORTICO_BUSINESS_TIMEZONE: 'Asia/Jakarta',
  })
  const raised = '2026-11-23T02:00:00.000Z' // Monday 09:00 WIB
  const normal = slaDueTimes(settings, 'normal', new Date(raised))
  const running: PriorityClocks = {
    created_at: raised,
    first_response_due_at: normal.firstResponseDueAt,
    first_responded_at: null,
    first_response_breached_at: null,
    resolution_due_at: normal.resolutionDueAt,
    resolution_breached_at: null,
    resolution_paused_seconds: 0,
    resolved_at: null,
  }

  test('an escalation counts the new targets from when the case was raised', () => {
    assert.deepEqual(dueTimesForPriority(settings, running, 'high'), {
      first_response_due_at: '2026-11-23T06:00:00.000Z', // Mon 13:00 WIB
      resolution_due_at: '2026-11-25T02:00:00.000Z', // Wed 09:00 WIB: 2 × 9h
    })
  })

  test('a due time at the window’s close stays there', () => {
    const atOpening = { ...running, created_at: '2026-11-23T01:00:00.000Z' } // Mon 08:00 WIB
    assert.equal(
      dueTimesForPriority(settings, atOpening, 'high').resolution_due_at,
      '2026-11-24T10:00:00.000Z', // Tue 17:00 WIB, not Wed 08:00
    )
  })

  test('a downgrade gives the longer targets', () => {
    const low = dueTimesForPriority(settings, running, 'low')
    assert.equal(low.first_response_due_at, '2026-11-25T02:00:00.000Z') // 2 business days
    assert.equal(low.resolution_due_at, '2026-12-07T02:00:00.000Z') // 10 business days
  })

  test('the time the resolution clock stood paused stays credited', () => {
    const paused = { ...running, resolution_paused_seconds: 3 * 3600 }
    assert.equal(
      dueTimesForPriority(settings, paused, 'high').resolution_due_at,
      '2026-11-25T05:00:00.000Z', // Wed 12:00 WIB: three paused hours later
    )
  })

  test('stopped clocks keep their due times: answered, resolved or breached', () => {
    const answered = { ...running, first_responded_at: '2026-11-23T03:00:00.000Z' }
    assert.deepEqual(Object.keys(dueTimesForPriority(settings, answered, 'high')), [
      'resolution_due_at',
    ])
    const breached = { ...running, first_response_breached_at: '2026-11-24T03:00:00.000Z' }
    assert.equal(dueTimesForPriority(settings, breached, 'low').first_response_due_at, undefined)
    const resolved = { ...answered, resolved_at: '2026-11-24T03:00:00.000Z' }
    assert.deepEqual(dueTimesForPriority(settings, resolved, 'high'), {})
    const late = { ...answered, resolution_breached_at: '2026-12-01T03:00:00.000Z' }
    assert.deepEqual(dueTimesForPriority(settings, late, 'low'), {})
  })
})

describe('the resolution clock pausing while the case waits on the customer', () => {
  const running: ResolutionClock = {
    status: 'open',
    resolution_due_at: '2026-11-27T09:30:00.000Z', // Fri 16:30 WIB
    resolution_paused_at: null,
    resolution_paused_seconds: 0,
  }

  test('waiting on the customer pauses it; waiting again changes nothing', () => {
    const at = new Date('2026-11-27T09:00:00Z')
    assert.deepEqual(resolutionClockChange(JAKARTA, running, 'waiting_on_customer', at), {
      resolution_paused_at: '2026-11-27T09:00:00.000Z',
    })
    const paused = {
      ...running,
      status: 'waiting_on_customer' as const,
      resolution_paused_at: at.toISOString(),
    }
    assert.deepEqual(
      resolutionClockChange(
        JAKARTA,
        paused,
        'waiting_on_customer',
        new Date('2026-11-30T02:00:00Z'),
      ),
      {},
    )
  })

  test('paused Friday 16:00 with 30 minutes left, resumed Monday 09:30: due Monday 10:00', () => {
    const paused: ResolutionClock = {
      ...running,
      status: 'waiting_on_customer',
      resolution_paused_at: '2026-11-27T09:00:00.000Z',
      resolution_paused_seconds: 600,
    }
    assert.deepEqual(
      resolutionClockChange(JAKARTA, paused, 'open', new Date('2026-11-30T02:30:00Z')),
      {
        resolution_paused_at: null,
        resolution_paused_seconds: 600 + 150 * 60,
        resolution_due_at: '2026-11-30T03:00:00.000Z', // Mon 10:00 WIB
      },
    )
  })

  test('a part second of pause is owed as a whole second, never less', () => {
    const paused: ResolutionClock = {
      ...running,
      status: 'waiting_on_customer',
      resolution_paused_at: '2026-11-27T08:00:00.000Z',
    }
    const change = resolutionClockChange(
      JAKARTA,
      paused,
      'resolved',
      new Date('2026-11-27T08:00:00.400Z'),
    )
    assert.equal(change.resolution_paused_seconds, 1)
    assert.equal(change.resolution_due_at, '2026-11-27T09:30:01.000Z')
  })

  test('however the pause falls, the case has as much business time left on resuming as on pausing', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, due) => {
        const [pausedAt, resumedAt] = a <= b ? [a, b] : [b, a]
        fc.pre(due >= pausedAt)
        const change = resolutionClockChange(
          JAKARTA,
          {
            status: 'waiting_on_customer',
            resolution_due_at: due.toISOString(),
            resolution_paused_at: pausedAt.toISOString(),
            resolution_paused_seconds: 0,
          },
          'open',
          resumedAt,
        )
        const left = businessTimeBetween(JAKARTA, pausedAt, due)
        assert.equal(
          businessTimeBetween(JAKARTA, resumedAt, new Date(change.resolution_due_at!)),
          left,
        )
        assert.equal(
          change.resolution_paused_seconds! * 1000,
          businessTimeBetween(JAKARTA, pausedAt, resumedAt),
        )
      }),
      { numRuns: 300 },
    )
  })

  test('a running clock is untouched by other moves; a case without a resolution target never pauses', () => {
    const now = new Date('2026-11-27T08:00:00Z')
    assert.deepEqual(resolutionClockChange(JAKARTA, running, 'resolved', now), {})
    assert.deepEqual(
      resolutionClockChange(
        JAKARTA,
        { ...running, resolution_due_at: null },
        'waiting_on_customer',
        now,
      ),
      {},
    )
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

  const read = async (caseId: string) =>
    (await (await t.app.request(`/v1/cases/${caseId}`, { headers: await auth() })).json()) as Case
  const agentMoves = (caseId: string, status: string) =>
    post(
      `/v1/integrations/cases/${caseId}/status`,
      { status, authorName: 'Dewi (Support)' },
      operator(),
    )

  test('waiting on the customer pauses the resolution clock over the weekend; their reply resumes it, due later by exactly the paused business time', async () => {
    t.clock.set(new Date('2026-12-04T02:00:00Z')) // Friday 09:00 WIB
    const created = await raise('urgent') // resolution due Fri 17:00 WIB (10:00Z)
    assert.equal(created.resolutionDueAt, '2026-12-04T10:00:00.000Z')
    assert.equal(created.resolutionPausedAt, null)
    assert.equal(created.resolutionPausedSeconds, 0)
    t.clock.set(new Date('2026-12-04T02:10:00Z'))
    const asked = await post(
      `/v1/integrations/cases/${created.id}/comments`,
      { body: 'Could you send photos of the labels?', authorName: 'Dewi (Support)' },
      operator(),
    )
    assert.equal(asked.status, 201)
    t.clock.set(new Date('2026-12-04T08:00:00Z')) // Friday 15:00 WIB: 2 business hours left
    assert.equal((await agentMoves(created.id, 'waiting_on_customer')).status, 200)
    const paused = await read(created.id)
    assert.equal(paused.status, 'waiting_on_customer')
    assert.equal(paused.resolutionPausedAt, '2026-12-04T08:00:00.000Z')
    assert.equal(paused.resolutionDueAt, '2026-12-04T10:00:00.000Z', 'it moves when it resumes')
    const listed = (await (
      await t.app.request('/v1/cases?status=waiting_on_customer', { headers: await auth() })
    ).json()) as { data: Case[] }
    assert.equal(
      listed.data.find((c) => c.id === created.id)?.resolutionPausedAt,
      '2026-12-04T08:00:00.000Z',
    )

    // Long past the original due time, the job leaves the paused clock alone.
    for (const at of ['2026-12-04T10:01:00Z', '2026-12-05T04:00:00Z', '2026-12-07T02:29:00Z']) {
      t.clock.set(new Date(at))
      await markSlaBreaches(t)
    }
    assert.deepEqual(await breaches(created.id), { events: [], notifications: 0 })

    t.clock.set(new Date('2026-12-07T02:30:00Z')) // Monday 09:30 WIB
    const replied = await post(`/v1/cases/${created.id}/comments`, { body: 'Photos attached.' })
    assert.equal(replied.status, 201)
    const resumed = await read(created.id)
    assert.equal(resumed.status, 'open')
    assert.equal(resumed.resolutionPausedAt, null)
    // Paused Fri 15:00–17:00 and Mon 08:00–09:30 WIB: 3½ business hours.
    assert.equal(resumed.resolutionPausedSeconds, 3.5 * 3600)
    // The 2 hours left on Friday, from Monday 09:30: 11:30 WIB.
    assert.equal(resumed.resolutionDueAt, '2026-12-07T04:30:00.000Z')
    const stored = await t.db
      .selectFrom('cases')
      .select(['resolution_paused_at', 'resolution_paused_seconds', 'resolution_due_at'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      { ...stored, resolution_paused_seconds: Number(stored.resolution_paused_seconds) },
      {
        resolution_paused_at: null,
        resolution_paused_seconds: 12_600,
        resolution_due_at: '2026-12-07T04:30:00.000Z',
      },
    )

    t.clock.set(new Date('2026-12-07T04:29:00Z'))
    await markSlaBreaches(t)
    assert.deepEqual((await breaches(created.id)).events, [])
    t.clock.set(new Date('2026-12-07T04:31:00Z'))
    await markSlaBreaches(t)
    assert.deepEqual(await breaches(created.id), { events: ['resolution'], notifications: 1 })
    const event = await t.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'case.sla_breached')
      .where('subject_id', '=', created.id)
      .executeTakeFirstOrThrow()
    assert.equal((JSON.parse(event.data) as { dueAt: string }).dueAt, '2026-12-07T04:30:00.000Z')
  })

  test('every move away from waiting on the customer resumes the clock, and pauses add up', async () => {
    t.clock.set(new Date('2026-12-08T01:00:00Z')) // Tuesday 08:00 WIB
    const created = await raise('high') // resolution: 2 business days, due Wed 17:00 WIB
    assert.equal(created.resolutionDueAt, '2026-12-09T10:00:00.000Z')
    assert.equal((await agentMoves(created.id, 'waiting_on_customer')).status, 200)
    t.clock.set(new Date('2026-12-08T02:00:00Z')) // an hour later the agent takes it back
    assert.equal((await agentMoves(created.id, 'open')).status, 200)
    let now = await read(created.id)
    assert.equal(now.resolutionPausedAt, null)
    assert.equal(now.resolutionPausedSeconds, 3600)
    assert.equal(now.resolutionDueAt, '2026-12-10T02:00:00.000Z') // Thu 09:00 WIB
    assert.equal((await agentMoves(created.id, 'waiting_on_customer')).status, 200)
    t.clock.set(new Date('2026-12-08T02:30:00Z'))
    assert.equal((await agentMoves(created.id, 'resolved')).status, 200)
    now = await read(created.id)
    assert.equal(now.resolutionPausedAt, null)
    assert.equal(now.resolutionPausedSeconds, 5400)
    assert.equal(now.resolutionDueAt, '2026-12-10T02:30:00.000Z')
    // Waiting on the customer, then closed by them: the pause ends with the case.
    const other = await raise('normal')
    assert.equal((await agentMoves(other.id, 'waiting_on_customer')).status, 200)
    t.clock.set(new Date('2026-12-08T03:00:00Z'))
    const closed = await post(`/v1/cases/${other.id}/close`, {})
    assert.equal(closed.status, 200)
    const after = (await closed.json()) as Case
    assert.equal(after.resolutionPausedAt, null)
    assert.equal(after.resolutionPausedSeconds, 1800)
  })

  test('an agent comment while waiting on the customer keeps the clock paused', async () => {
    t.clock.set(new Date('2026-12-08T01:00:00Z'))
    const created = await raise('low')
    assert.equal((await agentMoves(created.id, 'waiting_on_customer')).status, 200)
    t.clock.set(new Date('2026-12-08T02:00:00Z'))
    const nudge = await post(
      `/v1/integrations/cases/${created.id}/comments`,
      { body: 'A gentle reminder: we still need the photos.', authorName: 'Dewi (Support)' },
      operator(),
    )
    assert.equal(nudge.status, 201)
    const still = await read(created.id)
    assert.equal(still.status, 'waiting_on_customer')
    assert.equal(still.resolutionPausedAt, '2026-12-08T01:00:00.000Z')
    assert.equal(still.firstRespondedAt, '2026-12-08T02:00:00.000Z')
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
