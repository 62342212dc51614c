import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local Salesforce that speaks the wire format jsforce uses: the SOAP
 * login (`/services/Soap/u/<version>`), `sobjects/<Type>` create, upsert by
 * external ID (`PATCH sobjects/<Type>/<Field>/<value>`) and update, and
 * `query` with `nextRecordsUrl` paging. Queries are really parsed — the
 * WHERE clause decides what comes back — so scoping by AccountId is tested,
 * not assumed; a parent's field (`Parent.AccountId`, `CreatedBy.Name`) is
 * read through its `…Id` and answered nested, as Salesforce does. Records
 * the API creates are `CreatedById` the integration user ({@link INTEGRATION_USER_ID}). Faults are switched on by tests: the org down, an answer
 * lost after the write, sessions expired, the API limit spent, a
 * validation rule.
 */
export interface FakeSalesforce {
  url: string
  /** Every request, in order (`POST /services/data/v59.0/sobjects/Case`). */
  requests: string[]
  records: Map<string, FakeRecord[]>
  /** Refuses connections until set false again. */
  down: boolean
  /** Performs the next write, then drops the connection without answering. */
  loseNextResponse: boolean
  /** Every session issued so far answers INVALID_SESSION_ID from now on. */
  expireSessions(): void
  /** Answers REQUEST_LIMIT_EXCEEDED while true. */
  limitExceeded: boolean
  /** A validation rule on writes: returns its message to refuse the record. */
  validationRule: ((type: string, record: FakeRecord) => string | undefined) | undefined
  /** Records per query page before `nextRecordsUrl`. */
  pageSize: number
  /** Holds every answer this long (a slow org). */
  delayMs: number
  /** The number of SOAP logins so far. */
  logins: number
  /** Writes a record as an agent in Salesforce would (stamps SystemModstamp). */
  put(type: string, record: Partial<FakeRecord> & { Id?: string }): FakeRecord
  close(): Promise<void>
}

export type FakeRecord = Record<string, unknown> & { Id: string }

/** The user the SOAP login signs in as: the creator of every record Portico writes. */
export const INTEGRATION_USER_ID = '005000000000001'

/** Lengths of the text fields Portico writes, as Salesforce's field reference gives them. */
const FIELD_LENGTHS: Record<string, Record<string, number>> = {
  Case: { Subject: 255, Description: 32_000 },
  CaseComment: { CommentBody: 4000 },
}

const ID_PREFIX: Record<string, string> = {
  Case: '500',
  Contact: '003',
  CaseComment: '00a',
  ContentVersion: '068',
  Account: '001',
  User: '005',
}

export async function startFakeSalesforce(): Promise<FakeSalesforce> {
  const sessions = new Set<string>()
  const cursors = new Map<string, FakeRecord[]>()
  let clock = Date.parse('2026-01-01T00:00:00.000Z')
  let counter = 0

  function stamp(): string {
    // Strictly increasing, so SystemModstamp orders every write.
    clock = Math.max(clock + 1000, Date.now())
    return new Date(clock).toISOString()
  }

  function table(type: string): FakeRecord[] {
    let rows = fake.records.get(type)
    if (!rows) fake.records.set(type, (rows = []))
    return rows
  }

  function put(type: string, fields: Partial<FakeRecord> & { Id?: string }): FakeRecord {
    const rows = table(type)
    const at = stamp()
    const existing = fields.Id ? rows.find((r) => r.Id === fields.Id) : undefined
    if (existing)
      return Object.assign(existing, fields, { SystemModstamp: at, LastModifiedDate: at })
    const id = `${ID_PREFIX[type] ?? '0XX'}${String(++counter).padStart(15, '0')}`
    const record: FakeRecord = {
      ...fields,
      Id: id,
      CreatedDate: at,
      SystemModstamp: at,
      LastModifiedDate: at,
    }
    rows.push(record)
    return record
  }

  const server = createServer((req, res) => {
    if (fake.down) return void req.socket.destroy()
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      fake.requests.push(`${req.method} ${req.url}`)
      setTimeout(() => {
        try {
          handle(req, res, body)
        } catch (error) {
          json(res, 400, [{ errorCode: 'MALFORMED_QUERY', message: (error as Error).message }])
        }
      }, fake.delayMs)
    })
  })

  function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://fake')
    const login = url.pathname.match(/^\/services\/Soap\/u\/([\d.]+)$/)
    if (req.method === 'POST' && login) return soapLogin(res, login[1]!, body)
    const data = url.pathname.match(/^\/services\/data\/v[\d.]+\/(.*)$/)
    if (!data)
      return json(res, 404, [
        { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
      ])
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    if (!sessions.has(token))
      return json(res, 401, [
        { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' },
      ])
    if (fake.limitExceeded)
      return json(res, 403, [
        { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
      ])
    const parts = data[1]!.split('/')
    if (parts[0] === 'query') {
      if (parts[1]) return queryPage(res, parts[1])
      return queryStart(res, url.searchParams.get('q') ?? '')
    }
    if (parts[0] === 'sobjects' && parts[1]) return sobject(req, res, parts.slice(1), body)
    json(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }])
  }

  function soapLogin(res: ServerResponse, version: string, body: string): void {
    fake.logins++
    if (!/<username>[^<]+<\/username>/.test(body) || !/<password>[^<]+<\/password>/.test(body)) {
      res.writeHead(500, { 'content-type': 'text/xml' })
      return void res.end(
        '<soapenv:Envelope><soapenv:Body><soapenv:Fault><faultstring>INVALID_LOGIN</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>',
      )
    }
    const sessionId = `00D!${randomBytes(12).toString('hex')}`
    sessions.add(sessionId)
    res.writeHead(200, { 'content-type': 'text/xml' })
    res.end(
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com">' +
        `<soapenv:Body><loginResponse><result><passwordExpired>false</passwordExpired><serverUrl>${fake.url}/services/Soap/u/${version}/00D000000000001</serverUrl>` +
        `<sessionId>${sessionId}</sessionId><userId>${INTEGRATION_USER_ID}</userId><userInfo><organizationId>00D000000000001</organizationId></userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>`,
    )
  }

  function refusal(type: string, record: FakeRecord): string | undefined {
    return fake.validationRule?.(type, record)
  }

  /** Salesforce's STRING_TOO_LONG for a text field past its length, as its REST API words it. */
  function tooLong(type: string, fields: Record<string, unknown>) {
    for (const [field, max] of Object.entries(FIELD_LENGTHS[type] ?? {})) {
      const value = fields[field]
      if (typeof value === 'string' && value.length > max) {
        return [
          {
            message: `${field}: data value too large: ${value.slice(0, 40)}... (max length=${max})`,
            errorCode: 'STRING_TOO_LONG',
            fields: [field],
          },
        ]
      }
    }
    return undefined
  }

  function sobject(req: IncomingMessage, res: ServerResponse, path: string[], body: string): void {
    const [type, a, b] = path as [string, string | undefined, string | undefined]
    const fields = body ? (JSON.parse(body) as Record<string, unknown>) : {}
    delete fields.attributes
    const reply = (status: number, payload: unknown) => {
      if (fake.loseNextResponse) {
        fake.loseNextResponse = false
        return void req.socket.destroy()
      }
      json(res, status, payload)
    }
    const refuse = (message: string) =>
      json(res, 400, [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message, fields: [] }])
    const overLength = tooLong(type, fields)
    if (overLength && (req.method === 'POST' || req.method === 'PATCH')) {
      return json(res, 400, overLength)
    }
    if (req.method === 'POST' && !a) {
      const message = refusal(type, { ...fields, Id: '' })
      if (message) return refuse(message)
      const record = put(type, { CreatedById: INTEGRATION_USER_ID, ...fields })
      return reply(201, { id: record.Id, success: true, errors: [] })
    }
    if (req.method === 'PATCH' && a && b) {
      // Upsert by external ID: the field names the record, the body holds the rest.
      const value = decodeURIComponent(b)
      const existing = table(type).find((r) => r[a] === value)
      const message = refusal(type, { ...existing, ...fields, [a]: value, Id: existing?.Id ?? '' })
      if (message) return refuse(message)
      const record = put(type, {
        ...fields,
        [a]: value,
        ...(existing ? { Id: existing.Id } : { CreatedById: INTEGRATION_USER_ID }),
      })
      return reply(existing ? 200 : 201, {
        id: record.Id,
        success: true,
        errors: [],
        created: !existing,
      })
    }
    if (req.method === 'PATCH' && a) {
      const existing = table(type).find((r) => r.Id === a)
      if (!existing)
        return json(res, 404, [
          { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
        ])
      const message = refusal(type, { ...existing, ...fields })
      if (message) return refuse(message)
      put(type, { ...fields, Id: a })
      res.writeHead(204)
      return void res.end()
    }
    json(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `${req.method} not allowed` }])
  }

  function queryStart(res: ServerResponse, soql: string): void {
    const query = parseSoql(soql)
    let rows = table(query.from).filter((r) =>
      query.where.every((c) => matches(resolve(r, c.field), c)),
    )
    if (query.orderBy) {
      const { field, desc } = query.orderBy
      rows = [...rows].sort(
        (x, y) => compare(resolve(x, field), resolve(y, field)) * (desc ? -1 : 1),
      )
    }
    if (query.limit !== undefined) rows = rows.slice(0, query.limit)
    const selected = rows.map((r) => {
      const out: FakeRecord = {
        attributes: {
          type: query.from,
          url: `/services/data/v59.0/sobjects/${query.from}/${r.Id}`,
        },
        Id: r.Id,
      }
      for (const f of query.fields) {
        const [relation, field] = f.split('.') as [string, string | undefined]
        if (!field) {
          out[f] = r[f] ?? null
          continue
        }
        // `CreatedBy.Name` answers `{ CreatedBy: { attributes, Name } }`, null without a parent.
        const parent = byId(r[`${relation}Id`])
        if (!parent) out[relation] = null
        else {
          const nested = (out[relation] ??= {
            attributes: { type: typeOf(parent.Id) },
          }) as Record<string, unknown>
          nested[field] = parent[field] ?? null
        }
      }
      return out
    })
    sendPage(res, selected, 0)
  }

  function byId(id: unknown): FakeRecord | undefined {
    if (typeof id !== 'string') return undefined
    for (const rows of fake.records.values()) {
      const found = rows.find((r) => r.Id === id)
      if (found) return found
    }
    return undefined
  }

  function typeOf(id: string): string {
    return Object.entries(ID_PREFIX).find(([, prefix]) => id.startsWith(prefix))?.[0] ?? 'Name'
  }

  /** A field of the record, or of its parent for `Parent.Field`. */
  function resolve(record: FakeRecord, path: string): unknown {
    const [relation, field] = path.split('.') as [string, string | undefined]
    if (!field) return record[relation]
    return byId(record[`${relation}Id`])?.[field] ?? null
  }

  function queryPage(res: ServerResponse, locator: string): void {
    const [cursor, offset] = locator.split('-') as [string, string]
    const rows = cursors.get(cursor)
    if (!rows)
      return json(res, 400, [
        { errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' },
      ])
    sendPage(res, rows, Number(offset), cursor)
  }

  function sendPage(
    res: ServerResponse,
    rows: FakeRecord[],
    offset: number,
    cursor?: string,
  ): void {
    const page = rows.slice(offset, offset + fake.pageSize)
    const done = offset + fake.pageSize >= rows.length
    let nextRecordsUrl: string | undefined
    if (!done) {
      const id = cursor ?? `01g${randomBytes(6).toString('hex')}`
      cursors.set(id, rows)
      nextRecordsUrl = `/services/data/v59.0/query/${id}-${offset + fake.pageSize}`
    }
    json(res, 200, {
      totalSize: rows.length,
      done,
      records: page,
      ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
    })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const fake: FakeSalesforce = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    records: new Map([['User', [{ Id: INTEGRATION_USER_ID, Name: 'Portico Integration' }]]]),
    down: false,
    loseNextResponse: false,
    limitExceeded: false,
    validationRule: undefined,
    pageSize: 2000,
    delayMs: 0,
    logins: 0,
    expireSessions: () => sessions.clear(),
    put,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return fake
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' })
  res.end(JSON.stringify(payload))
}

function compare(x: unknown, y: unknown): number {
  return String(x ?? '').localeCompare(String(y ?? ''))
}

// ---- the part of SOQL Portico sends -------------------------------------

type Literal = string | number | boolean | null
interface Condition {
  field: string
  op: '=' | '!=' | '>' | '>=' | '<' | '<=' | 'IN'
  value: Literal | Literal[]
}
interface ParsedSoql {
  fields: string[]
  from: string
  where: Condition[]
  orderBy?: { field: string; desc: boolean }
  limit?: number
}

/** Tokens: identifiers, operators, punctuation and string literals with their escapes undone. */
function tokenize(soql: string): { kind: 'word' | 'string' | 'punct'; text: string }[] {
  const tokens: { kind: 'word' | 'string' | 'punct'; text: string }[] = []
  let i = 0
  while (i < soql.length) {
    const ch = soql[i]!
    if (/\s/.test(ch)) i++
    else if (ch === "'") {
      let text = ''
      i++
      for (;;) {
        if (i >= soql.length) throw new Error('Unterminated string literal')
        const c = soql[i]!
        if (c === '\\') {
          const next = soql[i + 1]
          text +=
            next === 'n'
              ? '\n'
              : next === 'r'
                ? '\r'
                : next === 't'
                  ? '\t'
                  : next === 'b'
                    ? '\b'
                    : next === 'f'
                      ? '\f'
                      : next
          i += 2
        } else if (c === "'") {
          i++
          break
        } else {
          text += c
          i++
        }
      }
      tokens.push({ kind: 'string', text })
    } else if (/[(),]/.test(ch)) {
      tokens.push({ kind: 'punct', text: ch })
      i++
    } else if (/[=<>!]/.test(ch)) {
      const two = soql.slice(i, i + 2)
      const op = ['!=', '>=', '<='].includes(two) ? two : ch
      tokens.push({ kind: 'punct', text: op })
      i += op.length
    } else {
      const m = soql.slice(i).match(/^[\w.:+-]+/)
      if (!m) throw new Error(`Unexpected character ${ch}`)
      tokens.push({ kind: 'word', text: m[0] })
      i += m[0].length
    }
  }
  return tokens
}

export function parseSoql(soql: string): ParsedSoql {
  const tokens = tokenize(soql)
  let at = 0
  const peek = () => tokens[at]
  const take = () => {
    const t = tokens[at++]
    if (!t) throw new Error('Unexpected end of query')
    return t
  }
  const keyword = (word: string) => {
    const t = take()
    if (t.kind !== 'word' || t.text.toUpperCase() !== word)
      throw new Error(`Expected ${word}, got ${t.text}`)
  }
  const isKeyword = (word: string) => peek()?.kind === 'word' && peek()!.text.toUpperCase() === word
  const literal = (): Literal => {
    const t = take()
    if (t.kind === 'string') return t.text
    if (t.kind !== 'word') throw new Error(`Expected a value, got ${t.text}`)
    if (/^(true|false)$/i.test(t.text)) return t.text.toLowerCase() === 'true'
    if (/^null$/i.test(t.text)) return null
    if (/^\d{4}-\d\d-\d\dT/.test(t.text)) return new Date(t.text).toISOString()
    if (/^-?\d+(\.\d+)?$/.test(t.text)) return Number(t.text)
    throw new Error(`Unknown value ${t.text}`)
  }

  keyword('SELECT')
  const fields: string[] = []
  do {
    if (peek()?.text === ',') take()
    fields.push(take().text)
  } while (peek()?.text === ',')
  keyword('FROM')
  const from = take().text
  const where: Condition[] = []
  if (isKeyword('WHERE')) {
    take()
    do {
      if (isKeyword('AND')) take()
      const field = take().text
      const opToken = take()
      const op = opToken.text.toUpperCase() as Condition['op']
      if (op === 'IN') {
        if (take().text !== '(') throw new Error('Expected (')
        const values: Literal[] = []
        do {
          if (peek()?.text === ',') take()
          values.push(literal())
        } while (peek()?.text === ',')
        if (take().text !== ')') throw new Error('Expected )')
        where.push({ field, op, value: values })
      } else if (['=', '!=', '>', '>=', '<', '<='].includes(op))
        where.push({ field, op, value: literal() })
      else throw new Error(`Unknown operator ${opToken.text}`)
    } while (isKeyword('AND'))
  }
  let orderBy: ParsedSoql['orderBy']
  if (isKeyword('ORDER')) {
    take()
    keyword('BY')
    const field = take().text
    let desc = false
    if (isKeyword('DESC') || isKeyword('ASC')) desc = take().text.toUpperCase() === 'DESC'
    orderBy = { field, desc }
  }
  let limit: number | undefined
  if (isKeyword('LIMIT')) {
    take()
    limit = Number(take().text)
  }
  if (at !== tokens.length) throw new Error(`Unexpected ${tokens[at]!.text}`)
  return {
    fields,
    from,
    where,
    ...(orderBy ? { orderBy } : {}),
    ...(limit !== undefined ? { limit } : {}),
  }
}

function matches(value: unknown, c: Condition): boolean {
  const actual = (value ?? null) as Literal
  if (c.op === 'IN') return (c.value as Literal[]).includes(actual)
  const expected = c.value as Literal
  switch (c.op) {
    case '=':
      return actual === expected
    case '!=':
      return actual !== expected
    default: {
      if (actual === null || expected === null) return false
      const cmp = compare(actual, expected)
      return c.op === '>' ? cmp > 0 : c.op === '>=' ? cmp >= 0 : c.op === '<' ? cmp < 0 : cmp <= 0
    }
  }
}
