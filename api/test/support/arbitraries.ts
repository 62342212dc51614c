import fc from 'fast-check'
import type { Operation, Schema } from './spec.js'
import { bodyContentType, encodeBody, isFileProperty, SAMPLE_FILES } from './body-encoding.js'
import { acceptsBody, acceptsParam } from './validators.js'

/** Longest strings and arrays the generators produce where the schema allows more. */
const MAX_STRING = 40
const MAX_ITEMS = 4

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  if (schema.properties) return ['object']
  return []
}

/** A value the schema accepts. Uses the schema's example now and then: realistic values find real paths. */
/** `ascii`: header values must be visible ASCII to travel at all. */
export interface GenerationOptions {
  ascii?: boolean
}

export function validValue(schema: Schema, options: GenerationOptions = {}): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  // A file: realistic content now and then, so uploads reach the type checks and beyond.
  if (isFileProperty(schema))
    return fc.oneof(
      fc.constantFrom(...Object.values(SAMPLE_FILES).map((f) => f.content)),
      fc.string({ minLength: 1, maxLength: MAX_STRING, unit: 'grapheme-ascii' }),
    )
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, options)))
  const kinds = types(schema)
  if (kinds.length > 1)
    return fc.oneof(...kinds.map((type) => validValue({ ...schema, type }, options)))
  const generated = generatedValue(schema, kinds[0], options)
  return schema.example !== undefined
    ? fc.oneof(
        { weight: 1, arbitrary: fc.constant(schema.example) },
        { weight: 3, arbitrary: generated },
      )
    : generated
}

function generatedValue(
  schema: Schema,
  type: string | undefined,
  options: GenerationOptions,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 })
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true })
    case 'string': {
      const maxLength = Math.min(
        schema.maxLength ?? MAX_STRING,
        Math.max(MAX_STRING, schema.minLength ?? 0),
      )
      if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= maxLength)
      if (schema.pattern)
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= maxLength)
      return (
        fc
          .string({
            minLength: schema.minLength ?? 0,
            maxLength,
            unit: options.ascii ? 'grapheme-ascii' : 'binary',
          })
          // The API refuses U+0000 in any input (http/reject-nul.ts): not a valid value.
          .filter((s) => !s.includes('\0'))
      )
    }
    case 'array':
      return fc.array(validValue(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(
          schema.maxItems ?? MAX_ITEMS,
          Math.max(MAX_ITEMS, schema.minItems ?? 0),
        ),
      })
    case 'object': {
      const properties = schema.properties ?? {}
      const model = Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, validValue(v)]),
      )
      return fc.record(model, {
        requiredKeys: (schema.required ?? []).filter((k) => k in properties),
      })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** A JSON value of another type than the schema allows. */
function wrongType(schema: Schema): fc.Arbitrary<unknown> | undefined {
  const allowed = new Set(types(schema))
  if (allowed.size === 0) return undefined
  if (allowed.has('number')) allowed.add('integer')
  const candidates: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.string({ maxLength: 8 })],
    ['integer', fc.integer()],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.integer(), { maxLength: 2 })],
    [
      'object',
      fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
    ],
  ]
  const arbitraries = candidates.filter(([type]) => !allowed.has(type)).map(([, arb]) => arb)
  return arbitraries.length ? fc.oneof(...arbitraries) : undefined
}

/**
 * A value the schema rejects: a wrong type, a number out of range, a string
 * too long or off-pattern, a value outside the enum, a missing required or
 * an unknown property. Undefined when the schema accepts everything.
 */
export function invalidValue(
  schema: Schema,
  options: GenerationOptions = {},
): fc.Arbitrary<unknown> | undefined {
  const unit = options.ascii ? 'grapheme-ascii' : 'grapheme'
  const candidates: fc.Arbitrary<unknown>[] = []
  const kinds = types(schema)
  const wrong = wrongType(schema)
  if (wrong) candidates.push(wrong)
  if (schema.enum) {
    candidates.push(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !schema.enum!.includes(s)),
    )
  }
  if (kinds.includes('integer') || kinds.includes('number')) {
    if (schema.minimum !== undefined)
      candidates.push(fc.integer({ min: schema.minimum - 1_000_000, max: schema.minimum - 1 }))
    if (schema.maximum !== undefined)
      candidates.push(fc.integer({ min: schema.maximum + 1, max: schema.maximum + 1_000_000 }))
    if (kinds.includes('integer'))
      candidates.push(
        fc.double({ min: 0.1, max: 0.9, noNaN: true }).map((d) => (schema.minimum ?? 0) + d),
      )
  }
  if (kinds.includes('string') && !schema.enum) {
    if (schema.maxLength !== undefined)
      candidates.push(
        fc.string({ minLength: schema.maxLength + 1, maxLength: schema.maxLength + 20, unit }),
      )
    if (schema.minLength) candidates.push(fc.string({ maxLength: schema.minLength - 1, unit }))
    if (schema.pattern || schema.format === 'email')
      candidates.push(fc.constantFrom('not valid!', '@@', '2026/13/45 x'))
  }
  if (kinds.includes('array')) {
    if (schema.minItems) candidates.push(fc.constant([]))
    if (schema.maxItems !== undefined) {
      candidates.push(
        fc.array(validValue(schema.items ?? {}), {
          minLength: schema.maxItems + 1,
          maxLength: schema.maxItems + 3,
        }),
      )
    }
    const badItem = schema.items && invalidValue(schema.items)
    if (badItem) candidates.push(fc.tuple(badItem).map(([item]) => [item]))
  }
  if (kinds.includes('object') && schema.properties) {
    const valid = validValue(schema) as fc.Arbitrary<Record<string, unknown>>
    const required = schema.required ?? []
    if (required.length) {
      candidates.push(
        fc.tuple(valid, fc.constantFrom(...required)).map(([obj, key]) => omit(obj, key)),
      )
    }
    if (schema.additionalProperties === false) {
      candidates.push(
        fc
          .tuple(
            valid,
            fc.constantFrom('accountId', 'role', 'status', 'id', 'isAdmin', '__proto__x'),
          )
          .map(([obj, key]) => ({ ...obj, [key]: 'injected' })),
      )
    }
    for (const [key, property] of Object.entries(schema.properties)) {
      const bad = invalidValue(property)
      if (bad)
        candidates.push(fc.tuple(valid, bad).map(([obj, value]) => ({ ...obj, [key]: value })))
    }
  }
  return candidates.length ? fc.oneof(...candidates) : undefined
}

function omit(object: Record<string, unknown>, key: string) {
  const { [key]: _dropped, ...rest } = object
  return rest
}

/** One generated HTTP request and whether the spec says it is invalid. */
export interface GeneratedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  /** Raw body text (so malformed JSON can be sent). */
  body: string | undefined
  invalid: boolean
  /** What made it invalid, for the failure message. */
  mutation: string
}

type Part = { invalid: boolean; mutation: string }

/** Query/header/path values travel as text. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * Requests for one operation: valid ones (every required part present, each
 * value within its schema — path IDs drawn from `knownIds` half the time so
 * real records are reached) and invalid ones (exactly one part broken).
 */
export function requestArbitrary(
  op: Operation,
  knownIds: Record<string, string[]> = {},
): fc.Arbitrary<GeneratedRequest> {
  const valid = fc.record({
    params: paramsArbitrary(op, knownIds, undefined),
    body: op.body
      ? validValue(op.body.schema).map((v) => encodeBody(op.body!, v))
      : fc.constant(undefined),
  })

  const breakers: Array<fc.Arbitrary<{ params: ParamsValue; body: string | undefined } & Part>> = []
  for (const param of op.parameters) {
    // Parameters travel as text: `5` is a fine string, so keep only values the
    // schema refuses once serialised.
    const ascii = { ascii: param.in === 'header' }
    const bad = (
      param.in === 'path' ? pathBreaker(param.schema) : invalidValue(param.schema, ascii)
    )?.filter((v) => !acceptsParam(param.schema, asText(v)))
    if (bad) {
      breakers.push(
        fc
          .record({
            params: paramsArbitrary(op, knownIds, { name: param.name, value: bad }),
            body: valid.map((v) => v.body),
          })
          .map((r) => ({
            ...r,
            invalid: true,
            mutation: `invalid ${param.in} ${param.name}`,
          })),
      )
    }
    if (param.required && param.in !== 'path') {
      breakers.push(
        fc
          .record({
            params: paramsArbitrary(op, knownIds, { name: param.name, value: undefined }),
            body: valid.map((v) => v.body),
          })
          .map((r) => ({
            ...r,
            invalid: true,
            mutation: `missing ${param.in} ${param.name}`,
          })),
      )
    }
  }
  {
    breakers.push(
      fc
        .record({
          params: paramsArbitrary(op, knownIds, undefined),
          body: valid.map((v) => v.body),
          extra: fc.constantFrom('debug', 'accountId', 'sort', 'include'),
        })
        .map(({ params, body, extra }) => ({
          params: { ...params, query: { ...params.query, [extra]: '1' } },
          body,
          invalid: true,
          mutation: `unknown query ${extra}`,
        })),
    )
  }
  if (op.body) {
    const schema = op.body.schema
    const badBody = invalidValue(schema)?.filter((v) => !acceptsBody(schema, v))
    const params = paramsArbitrary(op, knownIds, undefined)
    if (badBody) {
      breakers.push(
        fc
          .record({ params, body: badBody.map((v) => encodeBody(op.body!, v)) })
          .map((r) => ({ ...r, invalid: true, mutation: 'invalid body' })),
      )
    }
    breakers.push(
      fc
        .record({
          params,
          body: fc.constantFrom('{', '{"a":', 'nul', '[1,2', '{"email": "x" "y"}', '\u0000'),
        })
        .map((r) => ({ ...r, invalid: true, mutation: 'malformed JSON' })),
    )
    if (op.body.required) {
      breakers.push(
        fc
          .record({ params, body: fc.constant('') })
          .map((r) => ({ ...r, invalid: true, mutation: 'empty body' })),
      )
    }
  }

  const arbitraries: Array<fc.Arbitrary<{ params: ParamsValue; body: string | undefined } & Part>> =
    [valid.map((r) => ({ ...r, invalid: false, mutation: 'none' }))]
  if (breakers.length) arbitraries.push(fc.oneof(...breakers))
  return fc.oneof(...arbitraries).map(({ params, body, invalid, mutation }) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(params.path[name] ?? ''),
    )
    const headers: Record<string, string> = { ...params.header }
    if (body !== undefined)
      headers['content-type'] = op.body ? bodyContentType(op.body) : 'application/json'
    return { method: op.method, path, query: params.query, headers, body, invalid, mutation }
  })
}

type ParamsValue = {
  path: Record<string, string>
  query: Record<string, string>
  header: Record<string, string>
}

function paramsArbitrary(
  op: Operation,
  knownIds: Record<string, string[]>,
  override: { name: string; value: fc.Arbitrary<unknown> | undefined } | undefined,
): fc.Arbitrary<ParamsValue> {
  const parts = op.parameters.map((param) => {
    let value: fc.Arbitrary<unknown | undefined>
    if (override?.name === param.name) value = override.value ?? fc.constant(undefined)
    else if (param.in === 'path') {
      const ids = knownIds[param.name] ?? []
      value = ids.length
        ? fc.oneof(fc.constantFrom(...ids), validValue(param.schema))
        : validValue(param.schema)
    } else if (param.required) value = validValue(param.schema, { ascii: param.in === 'header' })
    else
      value = fc.option(validValue(param.schema, { ascii: param.in === 'header' }), {
        nil: undefined,
      })
    return value.map((v) => [param, v] as const)
  })
  return fc.tuple(...parts).map((entries) => {
    const result: ParamsValue = { path: {}, query: {}, header: {} }
    for (const [param, value] of entries) {
      if (value === undefined) continue
      if (param.in === 'path' || param.in === 'query' || param.in === 'header')
        result[param.in][param.name] = asText(value)
    }
    return result
  })
}

/** Path values that must be refused: too long, or characters no ID has. */
function pathBreaker(schema: Schema): fc.Arbitrary<unknown> | undefined {
  const options: fc.Arbitrary<unknown>[] = []
  if (schema.maxLength !== undefined)
    options.push(
      fc.string({
        minLength: schema.maxLength + 1,
        maxLength: schema.maxLength + 40,
        unit: 'grapheme-ascii',
      }),
    )
  return options.length ? fc.oneof(...options) : undefined
}

/** The request as a line a person can paste into a shell. */
export function describeRequest(request: GeneratedRequest, auth: string): string {
  const query = new URLSearchParams(request.query).toString()
  const headers = Object.entries({ ...request.headers, authorization: auth })
    .map(([k, v]) => `-H ${JSON.stringify(`${k}: ${v}`)}`)
    .join(' ')
  const body = request.body !== undefined ? ` --data-raw ${JSON.stringify(request.body)}` : ''
  return `curl -X ${request.method} ${headers}${body} "$PORTICO${request.path}${query ? `?${query}` : ''}"   [mutation: ${request.mutation}]`
}

/** A sampled (or altered) body, as the bytes to send: JSON, or multipart for an upload. */
export function bodyText(op: Operation, body: Record<string, unknown> | undefined) {
  return body && op.body ? encodeBody(op.body, body) : undefined
}

/**
 * One valid request for an operation, fixed by `seed`: every required header
 * (a unique Idempotency-Key), a valid body, and path parameters from `pathIds`.
 */
export function sampleValidRequest(
  op: Operation,
  seed: number,
  pathIds: Record<string, string> = {},
) {
  const sample = <T>(arb: fc.Arbitrary<T>) => fc.sample(arb, { seed, numRuns: 1 })[0]!
  const headers: Record<string, string> = {}
  for (const p of op.parameters.filter((p) => p.in === 'header' && p.required)) {
    headers[p.name] =
      p.name === 'idempotency-key'
        ? `sample-${seed}-${Math.random().toString(36).slice(2)}`
        : asText(sample(validValue(p.schema, { ascii: true })))
  }
  let path = op.path
  for (const p of op.parameters.filter((p) => p.in === 'path')) {
    path = path.replace(
      `{${p.name}}`,
      encodeURIComponent(pathIds[p.name] ?? asText(sample(validValue(p.schema)))),
    )
  }
  const body = op.body ? (sample(validValue(op.body.schema)) as Record<string, unknown>) : undefined
  if (body !== undefined) headers['content-type'] = bodyContentType(op.body!)
  return { path, headers, body }
}
