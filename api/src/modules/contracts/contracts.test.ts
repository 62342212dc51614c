import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dueThreshold, sendRenewalReminders } from '../../jobs/renewal-reminders.js'
import { isoDate } from '../../lib/clock.js'
import { newId } from '../../lib/ids.js'
import { createTestApp, signIn, type TestApp } from '../../testing.js'

const DAY_MS = 24 * 60 * 60 * 1000

type Contract = {
  id: string
  number: string
  renewalDate: string
  autoRenew: boolean
  noticePeriodDays: number
  noticeDeadline: string
  periodTotal: number
  items: Array<{ quantity: number; unitPrice: number; amount: number }>
  document: { id: string; type: string } | null
}
type Notification = {
  id: string
  type: string
  subjectId: string
  title: string
  readAt: string | null
}

describe('contracts', () => {
  let t: TestApp
  let ap: Record<string, string>

  before(async () => {
    t = await createTestApp()
    ap = (await signIn(t.app, 'ap@brandt-maschinenbau.de')).headers
  })
  after(() => t.close())

  test('GET /v1/contracts: term, renewal 20–90 days out, auto-renewal, items and the contract document', async () => {
    const response = await t.app.request('/v1/contracts', { headers: ap })
    assert.equal(response.status, 200)
    const { data } = (await response.json()) as { data: Contract[] }
    assert.equal(data.length, 2)
    const today = t.clock.now().getTime()
    for (const contract of data) {
      const days = (Date.parse(`${contract.renewalDate}T00:00:00Z`) - today) / DAY_MS
      assert.ok(days >= 19 && days <= 90, `${contract.number} renews in ${days} days`)
      assert.ok(contract.items.length > 0)
      for (const item of contract.items) assert.equal(item.amount, item.quantity * item.unitPrice)
      assert.equal(
        contract.periodTotal,
        contract.items.reduce((sum, i) => sum + i.amount, 0),
      )
      assert.equal(contract.document?.type, 'contract')
      const deadline = new Date(
        Date.parse(`${contract.renewalDate}T00:00:00Z`) - contract.noticePeriodDays * DAY_MS,
      )
      assert.equal(contract.noticeDeadline, isoDate(deadline))
    }
    assert.ok(data[0]!.renewalDate <= data[1]!.renewalDate, 'soonest renewal first')
    assert.ok(data.some((c) => c.autoRenew) && data.some((c) => !c.autoRenew))
    const one = await t.app.request(`/v1/contracts/${data[0]!.id}`, { headers: ap })
    assert.deepEqual(await one.json(), data[0])
  })

  test("another account's contract is a 404; a viewer may not read contracts", async () => {
    const cascade = (await signIn(t.app, 'ap@cascadefab.com')).headers
    const { data } = (await (await t.app.request('/v1/contracts', { headers: ap })).json()) as {
      data: Contract[]
    }
    assert.equal(
      (await t.app.request(`/v1/contracts/${data[0]!.id}`, { headers: cascade })).status,
      404,
    )
    assert.equal(
      (await t.app.request(`/v1/contracts/${newId('ctr')}`, { headers: cascade })).status,
      404,
    )
    const viewer = (await signIn(t.app, 'viewer@brandt-maschinenbau.de')).headers
    assert.equal((await t.app.request('/v1/contracts', { headers: viewer })).status, 403)
  })

  test('the reminder job sends 60/30/7-day reminders as events and notifications, never twice', async () => {
    const reminders = async () =>
      (
        await t.db
          .selectFrom('events')
          .select(['subject_id', 'data'])
          .where('type', '=', 'contract.renewal_reminder')
          .execute()
      ).map((e) => ({
        contractId: e.subject_id!,
        ...(JSON.parse(e.data) as { thresholdDays: number }),
      }))
    const contracts = await t.db.selectFrom('contracts').select(['id', 'renewal_date']).execute()
    /** What is due on the clock's day, by the rule: the nearest threshold reached. */
    const dueNow = () =>
      contracts
        .map((c) => ({
          contractId: c.id,
          threshold: dueThreshold(
            Math.round(
              (Date.parse(`${c.renewal_date}T00:00:00Z`) -
                Date.parse(`${isoDate(t.clock.now())}T00:00:00Z`)) /
                DAY_MS,
            ),
          ),
        }))
        .filter((c) => c.threshold !== undefined)

    const start = t.clock.now()
    const expected = new Set<string>()
    try {
      for (const day of [0, 0, 12, 13, 21, 22, 50, 66, 68, 80]) {
        t.clock.set(new Date(start.getTime() + day * DAY_MS))
        for (const due of dueNow()) expected.add(`${due.contractId}:${due.threshold}`)
        await sendRenewalReminders({ db: t.db, clock: t.clock })
        const sent = await reminders()
        assert.deepEqual(
          new Set(sent.map((r) => `${r.contractId}:${r.thresholdDays}`)),
          expected,
          `day ${day}`,
        )
        assert.equal(sent.length, expected.size, `day ${day}: nothing sent twice`)
      }
      // Every contract got its 30- and 7-day reminders; those seen 60 days out their 60-day one too.
      for (const c of contracts) {
        assert.ok(expected.has(`${c.id}:30`) && expected.has(`${c.id}:7`), c.id)
      }
      assert.ok([...expected].some((k) => k.endsWith(':60')))
    } finally {
      t.clock.set(start)
    }
  })

  test('three job processes racing send each reminder once', async () => {
    const other = await createTestApp()
    try {
      const now = new Date(other.clock.now().getTime() + 25 * DAY_MS)
      const run = () =>
        new Promise<number>((resolve, reject) => {
          execFile(
            process.execPath,
            [
              '--import',
              'tsx',
              fileURLToPath(new URL('../../../test/support/run-reminders.ts', import.meta.url)),
            ],
            {
              env: {
                ...process.env,
                DATABASE_URL: other.config.databaseUrl,
                NOW: now.toISOString(),
              },
            },
            (error, stdout) => (error ? reject(error) : resolve(Number(stdout.trim()))),
          )
        })
      const runs = await Promise.all([run(), run(), run()])
      const events = await other.db
        .selectFrom('events')
        .select(['subject_id', 'data'])
        .where('type', '=', 'contract.renewal_reminder')
        .execute()
      assert.ok(events.length > 0)
      assert.equal(
        runs.reduce((a, b) => a + b, 0),
        events.length,
        `runs sent ${runs.join(', ')}`,
      )
      const keys = events.map(
        (e) => `${e.subject_id}:${(JSON.parse(e.data) as { thresholdDays: number }).thresholdDays}`,
      )
      assert.equal(new Set(keys).size, keys.length)
      const notifications = await other.db.selectFrom('notifications').select('id').execute()
      assert.equal(notifications.length, events.length, 'one notification per reminder')
    } finally {
      await other.close()
    }
  })

  test('notifications: the reminder reaches those who may read contracts, with per-user read state', async () => {
    const list = async (headers: Record<string, string>, query = '') =>
      (
        (await (await t.app.request(`/v1/notifications${query}`, { headers })).json()) as {
          data: Notification[]
        }
      ).data
    await sendRenewalReminders({ db: t.db, clock: t.clock })
    const mine = await list(ap)
    assert.ok(mine.length >= 1)
    const reminder = mine.find((n) => n.type === 'contract.renewal_reminder')!
    assert.match(reminder.title, /(renews|ends) in \d+ days/)
    assert.equal(reminder.readAt, null)

    const viewer = (await signIn(t.app, 'viewer@brandt-maschinenbau.de')).headers
    assert.deepEqual(
      await list(viewer),
      [],
      'a viewer cannot read contracts, so is not told about them',
    )

    const read = await t.app.request(`/v1/notifications/${reminder.id}/read`, {
      method: 'POST',
      headers: ap,
    })
    assert.equal(read.status, 200)
    const readAt = ((await read.json()) as Notification).readAt
    assert.ok(readAt)
    const again = await t.app.request(`/v1/notifications/${reminder.id}/read`, {
      method: 'POST',
      headers: ap,
    })
    assert.equal(((await again.json()) as Notification).readAt, readAt, 'the first read time stays')
    assert.ok(!(await list(ap, '?unread=true')).some((n) => n.id === reminder.id))
    assert.ok((await list(ap, '?unread=false')).some((n) => n.id === reminder.id))

    const admin = (await signIn(t.app, 'admin@brandt-maschinenbau.de')).headers
    assert.equal(
      (await list(admin)).find((n) => n.id === reminder.id)?.readAt,
      null,
      'read state is per user',
    )
    const cascade = (await signIn(t.app, 'ap@cascadefab.com')).headers
    const foreign = await t.app.request(`/v1/notifications/${reminder.id}/read`, {
      method: 'POST',
      headers: cascade,
    })
    assert.equal(foreign.status, 404)
  })
})
