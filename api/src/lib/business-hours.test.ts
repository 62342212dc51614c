import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { addBusinessTime, businessTimeBetween, parseBusinessHours } from './business-hours.js'

// The SLA targets' own arithmetic is tested with them, in modules/cases/sla.test.ts.
const JAKARTA = parseBusinessHours('Mon-Fri 08:00-17:00', 'Asia/Jakarta')
const MINUTE = 60_000
const instant = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') })
  .map((ms) => new Date(ms))
const between = (from: string, to: string, hours = JAKARTA) =>
  businessTimeBetween(hours, new Date(from), new Date(to)) / MINUTE

describe('business time between two instants (what a paused clock owes back)', () => {
  test('a pause from Friday 16:00 to Monday 09:30 is 2½ business hours: the night and weekend do not count', () => {
    // Fri 16:00–17:00 WIB, then Mon 08:00–09:30 WIB.
    assert.equal(between('2026-11-27T09:00:00Z', '2026-11-30T02:30:00Z'), 150)
  })

  test('a pause over one night counts the evening and the morning only', () => {
    // Tue 16:45 WIB → Wed 08:20 WIB: 15 + 20 minutes.
    assert.equal(between('2026-11-24T09:45:00Z', '2026-11-25T01:20:00Z'), 35)
  })

  test('a pause wholly outside the window is no business time; a reversed range is none', () => {
    assert.equal(between('2026-11-28T03:00:00Z', '2026-11-29T12:00:00Z'), 0) // Sat → Sun
    assert.equal(between('2026-11-26T11:00:00Z', '2026-11-27T00:30:00Z'), 0) // Thu 18:00 → Fri 07:30
    assert.equal(between('2026-11-30T05:00:00Z', '2026-11-30T04:00:00Z'), 0)
  })

  test('a pause inside one window is its length, to the millisecond', () => {
    assert.equal(
      businessTimeBetween(
        JAKARTA,
        new Date('2026-11-25T03:00:00.250Z'),
        new Date('2026-11-25T04:30:01.000Z'),
      ),
      90 * MINUTE + 750,
    )
  })

  test('a pause over two weeks counts ten business days', () => {
    assert.equal(between('2026-11-27T10:00:00Z', '2026-12-11T10:00:00Z'), 10 * 9 * 60)
  })

  test('a pause over a DST change counts the wall-clock window (Europe/Berlin)', () => {
    const berlin = parseBusinessHours('Mon-Fri 09:00-17:00', 'Europe/Berlin')
    // Fri 27 March 16:00 CET → Mon 30 March 10:00 CEST: 1 h + 1 h.
    assert.equal(between('2026-03-27T15:00:00Z', '2026-03-30T08:00:00Z', berlin), 120)
  })

  test('adding business time, then measuring it, gives it back', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 * 9 * 60_000 }), (from, ms) => {
        assert.equal(businessTimeBetween(JAKARTA, from, addBusinessTime(JAKARTA, from, ms)), ms)
      }),
      { numRuns: 300 },
    )
  })
})
