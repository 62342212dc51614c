import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Schema } from './spec.js'

// OpenAPI 3.1 schemas are JSON Schema 2020-12. `strict: false` tolerates the
// OpenAPI-only keywords (`example`); formats are checked, not ignored.
const strictAjv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
const coercingAjv = new Ajv2020({ strict: false, coerceTypes: true, validateFormats: true })
addFormats.default(strictAjv)
addFormats.default(coercingAjv)

const cache = new WeakMap<object, ValidateFunction>()
function compile(ajv: Ajv2020, schema: Schema): ValidateFunction {
  let validate = cache.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    cache.set(schema, validate)
  }
  return validate
}

/** Whether a JSON body value satisfies the schema (no coercion). */
export function acceptsBody(schema: Schema, value: unknown): boolean {
  return compile(strictAjv, schema)(value) as boolean
}

/** Whether a path/query/header text satisfies the parameter schema, as a server coerces it. */
const paramSchemas = new WeakMap<object, Schema>()
export function acceptsParam(schema: Schema, text: string): boolean {
  let wrapped = paramSchemas.get(schema)
  if (!wrapped) {
    wrapped = { type: 'object', properties: { v: schema }, required: ['v'] }
    paramSchemas.set(schema, wrapped)
  }
  return compile(coercingAjv, wrapped)({ v: text }) as boolean
}

/**
 * Response schemas are checked closed: an object may carry only the
 * properties the spec documents (OWASP API3 — no excessive data exposure).
 */
function closed(input: Schema): Schema {
  const schema = mergeAllOf(input)
  const out: Schema = { ...schema }
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, closed(v)]),
    )
    if (schema.additionalProperties === undefined) out.additionalProperties = false
  }
  if (schema.items) out.items = closed(schema.items)
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (schema[key]) out[key] = schema[key]!.map(closed)
  return out
}

/** `allOf` of object schemas (what `.extend()` emits) as one object, so closing it stays satisfiable. */
function mergeAllOf(schema: Schema): Schema {
  if (!schema.allOf || !schema.allOf.every((s) => s.type === 'object' || s.properties))
    return schema
  const { allOf, ...rest } = schema
  const parts = [rest, ...allOf.map(mergeAllOf)]
  return {
    ...rest,
    type: 'object',
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: [...new Set(parts.flatMap((p) => p.required ?? []))],
  }
}

const closedSchemas = new WeakMap<object, Schema>()
/** Validation errors of a response body against its documented schema (empty when it conforms). */
export function responseErrors(schema: Schema, value: unknown): string[] {
  let strict = closedSchemas.get(schema)
  if (!strict) {
    strict = closed(schema)
    closedSchemas.set(schema, strict)
  }
  const validate = compile(strictAjv, strict)
  if (validate(value)) return []
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  )
}
