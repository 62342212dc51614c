import type { CaseStatus } from '../../db/schema.js'
import { ApiError } from '../../http/problem.js'

export type CaseActorKind = 'customer' | 'agent' | 'system'

/**
 * The moves a case may make, and who may make them. A customer closes a
 * case that is not closed, and reopens one that is resolved or closed; an
 * agent moves an open case between open, waiting on the customer, resolved
 * and closed — but only the customer reopens a closed case (it is theirs
 * to say the problem is back). When the case is kept in a CRM, an agent's
 * reopening there (`fromCrm`) is followed: the CRM is the system of
 * record, and a portal showing a case closed that agents work on would
 * leave the customer unable to answer.
 */
export function checkTransition(
  actor: CaseActorKind,
  from: CaseStatus,
  to: CaseStatus,
  options: { fromCrm?: boolean } = {},
): void {
  if (from === 'closed' && to === 'closed')
    throw new ApiError(409, 'case_closed', 'The case is already closed.')
  if (actor === 'customer') {
    if (to === 'closed') return
    if (to === 'open' && (from === 'resolved' || from === 'closed')) return
    throw new ApiError(
      409,
      'case_not_reopenable',
      'Only a resolved or closed case can be reopened.',
    )
  }
  if (from === to)
    throw new ApiError(
      409,
      'invalid_transition',
      `The case is already ${from.replaceAll('_', ' ')}.`,
    )
  if (from === 'closed' && !options.fromCrm)
    throw new ApiError(409, 'invalid_transition', 'A closed case is reopened by the customer only.')
  if (to === 'new') throw new ApiError(409, 'invalid_transition', 'A case cannot become new again.')
}
