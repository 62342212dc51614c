/**
 * SOQL string literals. Every value put into a query goes through here:
 * a subject with a quote must neither break the query nor change it.
 *
 * @see https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
}

/** `O'Brien` → `'O\'Brien'`: a quoted SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (ch) => ESCAPES[ch] ?? ch)}'`
}

/**
 * A dateTime literal (unquoted in SOQL). Only a valid instant is accepted,
 * so nothing but the ISO form produced by Date can reach the query.
 */
export function soqlDateTime(value: string): string {
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) throw new TypeError(`Not an instant: ${value}`)
  return at.toISOString()
}
