import { expect } from '@open-wc/testing'
import {
  checkOrderDetails,
  countries,
  detailFieldOf,
  emptyOrderDetails,
  localToday,
  orderDetailsBody,
  type OrderDetails,
} from './order-details.js'

const address = {
  name: 'Brandt Maschinenbau GmbH — Werk 2',
  line1: 'Hafenstraße 7',
  line2: '',
  postalCode: '70327',
  city: 'Stuttgart',
  country: 'DE',
}
const details = (change: Partial<OrderDetails> = {}): OrderDetails => ({
  ...emptyOrderDetails(),
  ...change,
})

describe('order details (mirrored from POST /v1/orders)', () => {
  it('asks for nothing: every detail is optional, the usual address too', () => {
    expect(checkOrderDetails(emptyOrderDetails(), '2026-11-20')).to.deep.equal({})
    expect(orderDetailsBody(emptyOrderDetails())).to.deep.equal({})
  })

  it('takes a requested date from today on, and only a whole calendar date', () => {
    const check = (requestedDate: string) =>
      checkOrderDetails(details({ requestedDate }), '2026-11-20').requestedDate
    expect(check('2026-11-20')).to.equal(undefined)
    expect(check('2027-01-04')).to.equal(undefined)
    expect(check('2026-11-19')).to.equal('date_in_past')
    expect(check('2026-02-30')).to.equal('not_a_date')
    expect(check('?')).to.equal('not_a_date')
    expect(check('20266-01-01')).to.equal('not_a_date')
  })

  it('counts lengths after trimming, as the API does', () => {
    const problems = checkOrderDetails(
      details({ poNumber: ` ${'P'.repeat(50)} `, note: 'n'.repeat(2001) }),
      '2026-11-20',
    )
    expect(problems).to.deep.equal({ note: 'too_long' })
    expect(
      checkOrderDetails(details({ poNumber: 'P'.repeat(51) }), '2026-11-20').poNumber,
    ).to.equal('too_long')
  })

  it('needs the whole address only when it delivers elsewhere', () => {
    const empty = emptyOrderDetails().address
    expect(checkOrderDetails(details({ address: empty }), '2026-11-20')).to.deep.equal({})
    expect(
      checkOrderDetails(
        details({
          deliverTo: 'other',
          address: { ...address, city: '  ', postalCode: '1'.repeat(21) },
        }),
        '2026-11-20',
      ),
    ).to.deep.equal({ 'address.city': 'required', 'address.postalCode': 'too_long' })
    expect(
      checkOrderDetails(details({ deliverTo: 'other', address: empty }), '2026-11-20'),
    ).to.deep.equal({
      'address.name': 'required',
      'address.line1': 'required',
      'address.postalCode': 'required',
      'address.city': 'required',
      'address.country': 'required',
    })
  })

  it('sends the details trimmed, leaving out what is empty', () => {
    expect(
      orderDetailsBody(
        details({
          poNumber: ' PO-88213 ',
          requestedDate: '2026-12-01',
          note: '  ',
          deliverTo: 'other',
          address: { ...address, name: ` ${address.name} ` },
        }),
      ),
    ).to.deep.equal({
      poNumber: 'PO-88213',
      requestedDate: '2026-12-01',
      deliveryAddress: {
        name: address.name,
        line1: address.line1,
        postalCode: address.postalCode,
        city: address.city,
        country: 'DE',
      },
    })
    // An address typed, then the usual one chosen again: none is sent.
    expect(orderDetailsBody(details({ address }))).to.deep.equal({})
  })

  it('maps the API’s field errors to the fields', () => {
    expect(detailFieldOf('body.requestedDate')).to.equal('requestedDate')
    expect(detailFieldOf('body.deliveryAddress.city')).to.equal('address.city')
    expect(detailFieldOf('body.deliveryAddress')).to.equal(undefined)
    expect(detailFieldOf('body.lines.0.quantity')).to.equal(undefined)
  })

  it('offers exactly the ISO 3166-1 alpha-2 countries', () => {
    const iso = [
      'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI',
      'BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN',
      'CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK',
      'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM',
      'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN',
      'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK',
      'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP',
      'NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW',
      'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF',
      'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI',
      'VN VU WF WS YE YT ZA ZM ZW',
    ]
      .join(' ')
      .split(' ')
    expect(
      countries('en')
        .map(([code]) => code)
        .sort(),
    ).to.deep.equal(iso)
  })

  it('names today and the countries where the reader is', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).to.equal('2026-01-05')
    const german = countries('de')
    expect(german).to.have.length(249)
    expect(german.find(([code]) => code === 'DE')).to.deep.equal(['DE', 'Deutschland'])
    expect(german[0]![0]).to.equal('AF') // Afghanistan, before Ägypten (EG) in German order
  })
})
