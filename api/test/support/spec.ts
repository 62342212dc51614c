import { readFileSync } from 'node:fs'

/** A JSON Schema node as it appears in the OpenAPI 3.1 document (after $ref resolution). */
export type Schema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  default?: unknown
  example?: unknown
  [keyword: string]: unknown
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: Schema
}

export interface Operation {
  /** `GET /v1/invoices/{id}` */
  name: string
  method: string
  path: string
  operationId: string
  permission: string
  parameters: Parameter[]
  body: { required: boolean; mediaType: string; schema: Schema } | undefined
  /** status → media type → schema (undefined: no body) */
  responses: Record<string, Record<string, Schema | undefined>>
}

/** An operation object as the JSON document holds it. */
interface RawOperation {
  operationId: string
  'x-portico-permission': string
  parameters?: Array<{ name: string; in: Parameter['in']; required?: boolean; schema: Schema }>
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> }
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

export const spec = JSON.parse(
  readFileSync(new URL('../../../spec/openapi.json', import.meta.url), 'utf8'),
) as {
  paths: Record<string, Record<string, Record<string, unknown>>>
  components: { schemas: Record<string, Schema> }
}

/** Resolves every `#/components/schemas/…` reference, recursively (the API's schemas have no cycles). */
export function deref(schema: Schema, depth = 0): Schema {
  if (depth > 32) throw new Error('schema nesting too deep — a cycle?')
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = spec.components.schemas[name]
    if (!target) throw new Error(`unresolvable ${schema.$ref}`)
    const { $ref: _ref, ...rest } = schema
    return deref({ ...target, ...rest }, depth + 1)
  }
  const out: Schema = { ...schema }
  if (schema.items) out.items = deref(schema.items, depth + 1)
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, deref(v, depth + 1)]),
    )
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (schema[key]) out[key] = schema[key]!.map((s) => deref(s, depth + 1))
  }
  if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = deref(schema.additionalProperties, depth + 1)
  }
  return out
}

/** Every operation of spec/openapi.json — the suites iterate these, never a hand-written list. */
export function operations(): Operation[] {
  const result: Operation[] = []
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method] as RawOperation | undefined
      if (!op) continue
      const parameters = (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: deref(p.schema),
      }))
      const content = op.requestBody?.content
      const [mediaType, media] = Object.entries(content ?? {})[0] ?? []
      const responses: Operation['responses'] = {}
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const media = response.content ?? {}
        responses[status] = Object.fromEntries(
          Object.entries(media).map(([type, m]) => [type, m.schema ? deref(m.schema) : undefined]),
        )
      }
      result.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        permission: op['x-portico-permission'],
        parameters,
        body:
          mediaType && media
            ? {
                required: Boolean(op.requestBody?.required),
                mediaType,
                schema: deref(media.schema),
              }
            : undefined,
        responses,
      })
    }
  }
  return result
}

/**
 * Tenant-scoped operations returning a cursor page `{ data: [...], nextCursor }`
 * and taking no path parameter. Operator operations cross tenants by design
 * and are not tenant lists.
 */
export function listOperations(): Operation[] {
  return operations().filter((op) => {
    if (op.permission === 'operator' || op.permission === 'public') return false
    if (op.method !== 'GET' || op.parameters.some((p) => p.in === 'path')) return false
    const schema = op.responses['200']?.['application/json']
    return Boolean(schema?.properties?.data && schema.properties.nextCursor)
  })
}
