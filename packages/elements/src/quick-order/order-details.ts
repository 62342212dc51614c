import type { PlaceOrderRequest } from '../portal-client.js'

/** A delivery address as typed, field by field (`Address` in the API). */
export interface AddressDetails {
  /** The company or person receiving the goods. */
  name: string
  line1: string
  /** Optional. */
  line2: string
  postalCode: string
  city: string
  /** ISO 3166-1 alpha-2 (`DE`). */
  country: string
}

/** What a buyer adds to an order in the review step; every field optional. */
export interface OrderDetails {
  /** The buyer's own purchase order number. */
  poNumber: string
  /** `YYYY-MM-DD`, or empty for none; anything else is `not_a_date`. */
  requestedDate: string
  /** A note for the supplier. */
  note: string
  /**
   * `usual`: the delivery address the supplier has on file for the account
   * (the order carries none); `other`: {@link address}.
   */
  deliverTo: 'usual' | 'other'
  address: AddressDetails
}

/** A field of {@link OrderDetails}: `poNumber`, `address.city`, … */
export type DetailField = 'poNumber' | 'requestedDate' | 'note' | `address.${keyof AddressDetails}`

/**
 * What is wrong with a field, mirrored from the API's rules
 * (`PlaceOrderRequest`, `Address`; lengths after trimming):
 */
export type DetailProblem =
  /** An address field the API requires is empty. */
  | 'required'
  /** Longer than the API takes ({@link detailMaxLength}). */
  | 'too_long'
  /** Not a complete calendar date. */
  | 'not_a_date'
  /** Before today. */
  | 'date_in_past'

/** The longest value the API takes for each text field, in UTF-16 code units (what zod counts). */
export const detailMaxLength = {
  poNumber: 50,
  note: 2000,
  'address.name': 200,
  'address.line1': 200,
  'address.line2': 200,
  'address.postalCode': 20,
  'address.city': 100,
} as const satisfies Partial<Record<DetailField, number>>

const requiredAddressFields = ['name', 'line1', 'postalCode', 'city', 'country'] as const

/** No details: the account's usual address, nothing else. */
export function emptyOrderDetails(): OrderDetails {
  return {
    poNumber: '',
    requestedDate: '',
    note: '',
    deliverTo: 'usual',
    address: { name: '', line1: '', line2: '', postalCode: '', city: '', country: '' },
  }
}

/** Today in the reader's time zone, `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
}

/**
 * What is wrong with the details, field by field (none: `{}`). `today` is
 * the reader's: the API refuses only a date past everywhere, so a date from
 * the reader's today on is never refused.
 */
export function checkOrderDetails(
  details: OrderDetails,
  today = localToday(),
): Partial<Record<DetailField, DetailProblem>> {
  const problems: Partial<Record<DetailField, DetailProblem>> = {}
  const date = details.requestedDate
  if (date && !isCalendarDate(date)) problems.requestedDate = 'not_a_date'
  else if (date && date < today) problems.requestedDate = 'date_in_past'
  const texts: Partial<Record<DetailField, string>> = {
    poNumber: details.poNumber,
    note: details.note,
  }
  if (details.deliverTo === 'other') {
    for (const name of Object.keys(details.address) as Array<keyof AddressDetails>)
      texts[`address.${name}`] = details.address[name]
    for (const name of requiredAddressFields)
      if (!details.address[name].trim()) problems[`address.${name}`] = 'required'
  }
  for (const [field, max] of Object.entries(detailMaxLength) as Array<[DetailField, number]>)
    if ((texts[field]?.trim().length ?? 0) > max) problems[field] = 'too_long'
  return problems
}

/** The details as `POST /v1/orders` takes them: trimmed, empty ones left out. */
export function orderDetailsBody(details: OrderDetails): Omit<PlaceOrderRequest, 'lines'> {
  const poNumber = details.poNumber.trim()
  const note = details.note.trim()
  const { name, line1, line2, postalCode, city, country } = details.address
  return {
    ...(poNumber ? { poNumber } : {}),
    ...(details.requestedDate ? { requestedDate: details.requestedDate } : {}),
    ...(note ? { note } : {}),
    ...(details.deliverTo === 'other'
      ? {
          deliveryAddress: {
            name: name.trim(),
            line1: line1.trim(),
            ...(line2.trim() ? { line2: line2.trim() } : {}),
            postalCode: postalCode.trim(),
            city: city.trim(),
            country,
          },
        }
      : {}),
  }
}

/**
 * The field of the details an API field error names (`body.deliveryAddress.city`
 * → `address.city`), or `undefined` for any other field.
 */
export function detailFieldOf(apiField: string): DetailField | undefined {
  const match = /^body\.(poNumber|requestedDate|note|deliveryAddress\.(\w+))$/.exec(apiField)
  if (!match) return undefined
  if (!match[2]) return match[1] as DetailField
  return match[2] in emptyOrderDetails().address
    ? (`address.${match[2]}` as DetailField)
    : undefined
}

/**
 * The ISO 3166-1 alpha-2 country codes (249), as a bitmap over AA…ZZ: bit
 * `26 × first + second` (letters counted from A = 0), most significant bit
 * first, base64 — a sixth of the size of the codes spelled out.
 */
const countryBitmap =
  'Hpr7d/e9u3vk/CGoASsAcAA6kA3536gAsWAYHvACAsAAuNQvgoHyvz//66TSEACAAjzxyoAAAAIAio+/51zd+VmCCCDqoQIAQAIAAAAACAAQIAIAgA=='

/** The country codes, `AD` … `ZW`. */
function countryCodes(): string[] {
  const bytes = atob(countryBitmap)
  const codes: string[] = []
  for (let i = 0; i < 26 * 26; i++)
    if (bytes.charCodeAt(i >> 3) & (128 >> (i & 7)))
      codes.push(String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)))
  return codes
}

const countriesByLocale = new Map<string, ReadonlyArray<[code: string, name: string]>>()

/** Every country, `[code, name]`, named and sorted in `locale`. */
export function countries(locale: string): ReadonlyArray<[code: string, name: string]> {
  let list = countriesByLocale.get(locale)
  if (!list) {
    const names = new Intl.DisplayNames(locale, { type: 'region' })
    const collator = new Intl.Collator(locale)
    list = countryCodes()
      .map((code): [string, string] => [code, names.of(code) ?? code])
      .sort((a, b) => collator.compare(a[1], b[1]))
    countriesByLocale.set(locale, list)
  }
  return list
}
