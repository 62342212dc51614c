import type { CaseCategory, CasePriority } from '../portal-client.js'

/** The category-specific fields of a case (`details` in the API), in the order they show. */
export const detailFields = {
  question: [],
  billing: [],
  delivery: ['deliveryNumber'],
  quality: ['batchNumber', 'quantityAffected', 'rmaRequested'],
  warranty: ['serialNumber', 'purchaseDate'],
  maintenance: ['assetId', 'preferredDate'],
} as const satisfies Record<CaseCategory, readonly string[]>

export type CaseDetailField = (typeof detailFields)[CaseCategory][number]

export const caseCategories = Object.keys(detailFields) as CaseCategory[]
export const casePriorities: CasePriority[] = ['low', 'normal', 'high', 'urgent']

/** What a person typed into the form. */
export interface CaseDraft {
  subject: string
  description: string
  category: CaseCategory
  priority: CasePriority
  orderId: string
  invoiceId: string
  details: Partial<Record<CaseDetailField, string>>
}

export type CaseField = 'subject' | 'description' | 'category' | 'priority' | CaseDetailField

/** Why a field is not right yet: each has a message in every language. */
export type FieldProblem =
  'required' | 'too-long' | 'not-a-number' | 'not-a-date' | 'in-the-future' | 'refused'

const LIMITS = { subject: 200, description: 10_000 } as const

/** The fields a draft of this category has, in the order they show. */
export function fieldsOf(category: CaseCategory): CaseField[] {
  return ['subject', 'category', 'priority', ...detailFields[category], 'description']
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/**
 * Checks one field as the API will: subject 1–200 characters, description
 * 1–10,000, the quantity a whole number, dates YYYY-MM-DD (a purchase not in
 * the future). Optional details may stay empty.
 */
export function checkField(draft: CaseDraft, field: CaseField, today: string): FieldProblem | null {
  if (field === 'subject' || field === 'description') {
    const value = draft[field].trim()
    if (!value) return 'required'
    if (value.length > LIMITS[field]) return 'too-long'
    return null
  }
  if (field === 'category' || field === 'priority') return null
  const value = draft.details[field]?.trim() ?? ''
  if (!value) return null
  if (field === 'quantityAffected') return /^\d+$/.test(value) ? null : 'not-a-number'
  if (field === 'purchaseDate' || field === 'preferredDate') {
    if (!isIsoDate(value)) return 'not-a-date'
    if (field === 'purchaseDate' && value > today) return 'in-the-future'
  }
  if (value.length > 200) return 'too-long'
  return null
}

/** The body of `POST /v1/cases` for a draft: only this category's details, empty ones left out. */
export function caseRequestOf(draft: CaseDraft) {
  const details: Record<string, string> = {}
  for (const field of detailFields[draft.category]) {
    const value = draft.details[field]?.trim()
    if (value) details[field] = value
  }
  return {
    subject: draft.subject.trim(),
    description: draft.description.trim(),
    category: draft.category,
    priority: draft.priority,
    ...(draft.orderId ? { orderId: draft.orderId } : {}),
    ...(draft.invoiceId ? { invoiceId: draft.invoiceId } : {}),
    ...(Object.keys(details).length ? { details } : {}),
  }
}

/** Which form field an API field error (`body.subject`, `body.details.batchNumber`) is about. */
export function fieldOfProblem(pointer: string): CaseField | null {
  const path = pointer.replace(/^body\./, '').replace(/^details\./, '')
  const known: readonly string[] = [
    'subject',
    'description',
    'category',
    'priority',
    ...Object.values(detailFields).flat(),
  ]
  return known.includes(path) ? (path as CaseField) : null
}
