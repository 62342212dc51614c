import { expect } from '@open-wc/testing'
import { orderTotals, taxOn } from './order-totals.js'

describe('order totals (as the API computes them)', () => {
  it('rounds tax to the minor unit, half away from zero', () => {
    // 50 cents at 19 %: 9.5 cents → 10; at 8.25 %: 4.125 → 4.
    expect(taxOn(50, 1900)).to.equal(10)
    expect(taxOn(50, 825)).to.equal(4)
    expect(taxOn(1, 1900)).to.equal(0)
    expect(taxOn(3, 1900)).to.equal(1)
    // $1,762.50 at 8.25 %: $145.40625 → $145.41.
    expect(taxOn(176_250, 825)).to.equal(14_541)
  })

  it('rounds IDR, which has no minor unit, to whole rupiah at 11 %', () => {
    // 11 pallets at Rp 80,750: tax Rp 97,707.5 → Rp 97,708.
    expect(orderTotals(888_250, 1100)).to.deep.equal({
      subtotal: 888_250,
      taxRate: 1100,
      tax: 97_708,
      total: 985_958,
    })
    expect(taxOn(50, 1100)).to.equal(6)
    expect(taxOn(9_180_000, 1100)).to.equal(1_009_800)
  })

  it('adds nothing for an account without tax', () => {
    expect(orderTotals(123_457, 0)).to.deep.equal({
      subtotal: 123_457,
      taxRate: 0,
      tax: 0,
      total: 123_457,
    })
  })

  it('lands exactly on every half, however large the order', () => {
    // amount × rate / 10 000 is k + ½ exactly when amount × rate ends in 5000.
    for (const [amount, rate] of [
      [50, 1900],
      [9_999_999_950, 1900],
      [5, 1000],
      [123_456_789_450, 1100],
    ] as const) {
      const exact = (BigInt(amount) * BigInt(rate) * 2n + 10_000n) / 20_000n
      expect(taxOn(amount, rate), `${amount} at ${rate}`).to.equal(Number(exact))
    }
  })
})
