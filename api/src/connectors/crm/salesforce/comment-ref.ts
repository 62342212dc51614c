/**
 * CaseComment has no external-ID field, so a comment Portico posts carries
 * its own ID on a last line, `[ref:cmt_…]`: a delivery retried after a lost
 * answer finds the comment the first attempt made, and a comment read back
 * from Salesforce (the reconcile, an inbound event) is known to be
 * Portico's echo, not an agent's. Portico's own copy of the comment never
 * has the line; a body read from Salesforce has it removed before the
 * customer could see it.
 *
 * A CaseComment body holds at most 4,000 characters and a portal comment up
 * to 10,000: a longer comment goes as consecutive CaseComments, each marked
 * with its part, `[ref:cmt_… 2/3]`, so a retry adds only the parts still
 * missing.
 */
const REF_LINE = /\n*\[ref:(cmt_[0-9A-Za-z]+)(?: (\d+)\/(\d+))?\]\s*$/

/** Salesforce's limit on `CaseComment.CommentBody`, in characters. */
export const COMMENT_BODY_LIMIT = 4000

/** One CaseComment of a Portico comment. */
export interface CommentPart {
  /** 1-based; 1 of 1 for a comment that fits one CaseComment. */
  part: number
  of: number
  /** The body as sent to Salesforce: this part's text, then the reference line. */
  body: string
}

const refLine = (commentId: string, part: number, of: number) =>
  of === 1 ? `\n\n[ref:${commentId}]` : `\n\n[ref:${commentId} ${part}/${of}]`

/**
 * The CaseComments a comment is sent as: one when it fits, else parts cut
 * at the last paragraph, line or word break that fits (mid-word only for a
 * word longer than a part), never inside a surrogate pair.
 */
export function commentParts(
  body: string,
  commentId: string,
  limit = COMMENT_BODY_LIMIT,
): CommentPart[] {
  if (body.length + refLine(commentId, 1, 1).length <= limit) {
    return [{ part: 1, of: 1, body: `${body}${refLine(commentId, 1, 1)}` }]
  }
  // Room for the longest reference line a 10,000-character comment can need (99/99).
  const room = limit - refLine(commentId, 99, 99).length
  const chunks: string[] = []
  let rest = body
  while (rest.length > room) {
    const window = rest.slice(0, room + 1)
    // The latest paragraph, line or word break in the part's second half, in that order of preference.
    const breaks = ['\n\n', '\n', ' '].map((b) => window.lastIndexOf(b))
    let cut = breaks.find((at) => at >= room / 2) ?? room
    // A high surrogate at the end would orphan its pair.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1
    chunks.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
  }
  if (rest) chunks.push(rest)
  return chunks.map((text, i) => ({
    part: i + 1,
    of: chunks.length,
    body: `${text}${refLine(commentId, i + 1, chunks.length)}`,
  }))
}

/** Portico's comment (and which part of it) a CaseComment body carries, if Portico posted it. */
export function commentPartOf(body: string): { commentId: string; part: number } | undefined {
  const match = REF_LINE.exec(body)
  if (!match) return undefined
  return { commentId: match[1]!, part: match[2] ? Number(match[2]) : 1 }
}

/** Portico's comment ID a CaseComment body carries, if Portico posted it. */
export function commentRefOf(body: string): string | undefined {
  return commentPartOf(body)?.commentId
}

/** The body without Portico's reference line. */
export function withoutCommentRef(body: string): string {
  return body.replace(REF_LINE, '')
}
