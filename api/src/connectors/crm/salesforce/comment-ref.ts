/**
 * CaseComment has no external-ID field, so a comment Portico posts carries
 * its own ID on a last line, `[ref:cmt_…]`: a delivery retried after a lost
 * answer finds the comment the first attempt made, and a comment read back
 * from Salesforce (the reconcile, an inbound event) is known to be
 * Portico's echo, not an agent's. Portico's own copy of the comment never
 * has the line; a body read from Salesforce has it removed before the
 * customer could see it.
 */
const REF_LINE = /\n*\[ref:(cmt_[0-9A-Za-z]+)\]\s*$/

/** The body as sent to Salesforce: the customer's text, then the reference line. */
export function withCommentRef(body: string, commentId: string): string {
  return `${body}\n\n[ref:${commentId}]`
}

/** Portico's comment ID a CaseComment body carries, if Portico posted it. */
export function commentRefOf(body: string): string | undefined {
  return REF_LINE.exec(body)?.[1]
}

/** The body without Portico's reference line. */
export function withoutCommentRef(body: string): string {
  return body.replace(REF_LINE, '')
}
