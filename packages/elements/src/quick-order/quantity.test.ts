import { expect } from '@open-wc/testing'
import {
  checkQuantity,
  firstQuantity,
  parseQuantity,
  priceBreakFor,
  stepQuantity,
  unitPriceAt,
} from './quantity.js'

const bearing = {
  minOrderQuantity: 10,
  orderMultiple: 10,
  unitPrice: 890,
  priceBreaks: [
    { minQuantity: 10, unitPrice: 890 },
    { minQuantity: 100, unitPrice: 846 },
    { minQuantity: 500, unitPrice: 801 },
  ],
}
const pellets = { minOrderQuantity: 12, orderMultiple: 5 }
const pump = { minOrderQuantity: 1, orderMultiple: 1 }

describe('ordering rules (mirrored from the API)', () => {
  it('parses whole numbers only, and refuses to guess at separators', () => {
    expect(parseQuantity('')).to.equal(null)
    expect(parseQuantity('  ')).to.equal(null)
    expect(parseQuantity(' 1 200 ')).to.equal(1200)
    expect(parseQuantity('40')).to.equal(40)
    for (const text of ['1.000', '12,5', '-5', '1e3', 'ten']) {
      expect(Number.isNaN(parseQuantity(text)), text).to.equal(true)
    }
  })

  it('names what is wrong with a quantity in the API’s own codes', () => {
    expect(checkQuantity(bearing, 5)).to.equal('below_minimum_quantity')
    expect(checkQuantity(bearing, 15)).to.equal('not_order_multiple')
    expect(checkQuantity(bearing, 20)).to.equal(null)
    expect(checkQuantity(bearing, Number.NaN)).to.equal('not_a_quantity')
    expect(checkQuantity(bearing, 0)).to.equal('not_a_quantity')
    expect(checkQuantity(bearing, 2_000_000)).to.equal('not_a_quantity')
  })

  it('starts at the minimum rounded up to the multiple', () => {
    expect(firstQuantity(bearing)).to.equal(10)
    expect(firstQuantity(pellets)).to.equal(15)
    expect(firstQuantity(pump)).to.equal(1)
  })

  it('steps by the multiple, from nothing to the first valid quantity and back to nothing', () => {
    expect(stepQuantity(bearing, null, 1)).to.equal(10)
    expect(stepQuantity(bearing, 10, 1)).to.equal(20)
    expect(stepQuantity(bearing, 15, 1)).to.equal(20)
    expect(stepQuantity(bearing, 15, -1)).to.equal(10)
    expect(stepQuantity(bearing, 10, -1)).to.equal(0)
    expect(stepQuantity(pellets, 3, 1)).to.equal(15)
    expect(stepQuantity(pellets, 15, -1)).to.equal(0)
    expect(stepQuantity(pellets, 20, -1)).to.equal(15)
    expect(stepQuantity(pump, Number.NaN, 1)).to.equal(1)
  })

  it('prices a quantity from the highest break it reaches', () => {
    expect(unitPriceAt(bearing, 10)).to.equal(890)
    expect(unitPriceAt(bearing, 99 + 1)).to.equal(846)
    expect(unitPriceAt(bearing, 490)).to.equal(846)
    expect(priceBreakFor(bearing, 500)).to.deep.equal({ minQuantity: 500, unitPrice: 801 })
    expect(unitPriceAt({ ...bearing, priceBreaks: [] }, 1000)).to.equal(890)
  })
})
