import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  COMMENT_BODY_LIMIT,
  commentPartOf,
  commentParts,
  commentRefOf,
  withoutCommentRef,
} from './comment-ref.js'

const ID = 'cmt_01m8x0a1b2c3d4e5f6g7h8j9k0'

describe('comment reference lines', () => {
  test('a comment that fits is one CaseComment with a plain reference line', () => {
    const [only, ...rest] = commentParts('Any news?', ID)
    assert.deepEqual(rest, [])
    assert.equal(only!.body, `Any news?\n\n[ref:${ID}]`)
    assert.deepEqual(commentPartOf(only!.body), { commentId: ID, part: 1 })
    assert.equal(withoutCommentRef(only!.body), 'Any news?')
  })

  test('a body exactly at the limit with its line still fits one CaseComment', () => {
    const body = 'x'.repeat(COMMENT_BODY_LIMIT - `\n\n[ref:${ID}]`.length)
    const parts = commentParts(body, ID)
    assert.equal(parts.length, 1)
    assert.equal(parts[0]!.body.length, COMMENT_BODY_LIMIT)
    assert.equal(commentParts(`${body}y`, ID).length, 2)
  })

  test('a 10,000-character comment goes as parts within the limit, cut at breaks, in order', () => {
    const paragraph = 'Die Spindel vibriert bei 3.000 U/min, besonders nach dem Werkzeugwechsel. '
    const body = Array.from({ length: 28 }, (_, i) => `${i + 1}. ${paragraph.repeat(4)}`.trim())
      .join('\n\n')
      .slice(0, 10_000)
    const parts = commentParts(body, ID)
    assert.equal(parts.length, 3)
    for (const [i, part] of parts.entries()) {
      assert.ok(part.body.length <= COMMENT_BODY_LIMIT, `part ${i + 1}: ${part.body.length}`)
      assert.deepEqual(commentPartOf(part.body), { commentId: ID, part: i + 1 })
      assert.match(part.body, new RegExp(`\\n\\n\\[ref:${ID} ${i + 1}/3\\]$`))
      assert.equal(commentRefOf(part.body), ID)
    }
    const texts = parts.map((p) => withoutCommentRef(p.body))
    // Cut at a paragraph break: no part starts or ends inside a word.
    for (const text of texts.slice(0, -1)) assert.match(text, /[.]$/)
    assert.equal(texts.join(' ').replace(/\s+/g, ' '), body.replace(/\s+/g, ' '))
  })

  test('text without breaks is cut by length, never inside a surrogate pair', () => {
    const body = '🔧'.repeat(4990) + 'x'.repeat(20) // 10,000 UTF-16 code units, no spaces
    const parts = commentParts(body, ID)
    assert.ok(parts.length >= 3)
    let rebuilt = ''
    for (const part of parts) {
      assert.ok(part.body.length <= COMMENT_BODY_LIMIT)
      const text = withoutCommentRef(part.body)
      assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(text), 'no orphaned surrogate')
      rebuilt += text
    }
    assert.equal(rebuilt, body)
  })

  test('bodies that merely look like a reference are not Portico’s', () => {
    assert.equal(commentRefOf('see [ref:cmt_1 2/3] above, then more text'), undefined)
    assert.equal(commentRefOf('[ref:inv_01 1/2]'), undefined)
    assert.equal(commentRefOf('An agent’s reply'), undefined)
  })
})
