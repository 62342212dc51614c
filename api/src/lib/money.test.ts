import assert from 'node:assert/strict'
import { test } from 'node:test'
import { minorUnitDigits, taxOn, toMinorUnits } from './money.js'

test('tax rounds half away from zero, for credit notes as for invoices', () => {
  assert.equal(taxOn(25, 1000), 3) // 2.5 → 3
  assert.equal(taxOn(-25, 1000), -3) // -2.5 → -3, not -2
  assert.equal(taxOn(24, 1000), 2)
  assert.equal(taxOn(-24, 1000), -2)
  assert.equal(taxOn(0, 1900), 0)
  assert.equal(taxOn(1_280_00, 1900), 24_320)
})

test('minor units follow CLDR: EUR and USD 2 decimals, IDR none', () => {
  assert.equal(minorUnitDigits('EUR'), 2)
  assert.equal(minorUnitDigits('IDR'), 0)
  assert.equal(toMinorUnits(12.5, 'EUR'), 1250)
  assert.equal(toMinorUnits(97_707, 'IDR'), 97_707)
})
