import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { createTestApp, signIn, type TestApp } from '../../testing.js'
import type { Case, CaseAttachment, CaseComment } from './schemas.js'

const BUYER = 'einkauf@brandt-maschinenbau.de'
const OTHER = 'buyer@cascadefab.com'
const LIMIT = 100_000

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
])
const PDF = Buffer.from('%PDF-1.7\n' + 'x'.repeat(200))
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100, 1)])
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.alloc(4, 0),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(100, 2),
])
const CSV = Buffer.from('batch,quantity\nB-7,12\nB-8,3\n'.repeat(5))
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)])

type Problem = { code: string; status: number }

describe('case attachments', () => {
  let t: TestApp
  let auth: Record<string, string>
  let other: Record<string, string>
  let key = 0

  before(async () => {
    t = await createTestApp({ PORTICO_CASE_ATTACHMENT_LIMIT_BYTES: String(LIMIT) })
    ;({ headers: auth } = await signIn(t.app, BUYER))
    ;({ headers: other } = await signIn(t.app, OTHER))
  })
  after(() => t.close())

  const post = (path: string, body: unknown, headers = auth) =>
    t.app.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `a-${key++}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  async function raise(headers = auth): Promise<Case> {
    const response = await post(
      '/v1/cases',
      {
        subject: 'This batch arrived damaged',
        description: 'Photos attached.',
        category: 'quality',
      },
      headers,
    )
    assert.equal(response.status, 201)
    return (await response.json()) as Case
  }

  function upload(
    caseId: string,
    file: { name: string; type?: string; content: Buffer },
    fields: Record<string, string> = {},
    headers = auth,
  ) {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    form.append(
      'file',
      new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    )
    return t.app.request(`/v1/cases/${caseId}/attachments`, { method: 'POST', headers, body: form })
  }

  const storedFiles = () => {
    const settings = t.config.documentStore
    if (settings.kind !== 'filesystem' || !existsSync(settings.dir)) return 0
    return readdirSync(settings.dir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length
  }
  const footprint = async () => ({
    rows: Number(
      (
        await t.db
          .selectFrom('case_attachments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    files: storedFiles(),
  })

  test('photos, PDFs, GIF, WebP and CSV are stored with their sniffed type and download through a signed, audited link', async () => {
    const created = await raise()
    const cases: Array<[string, Buffer, string]> = [
      ['pallet.png', PNG, 'image/png'],
      ['delivery-note.pdf', PDF, 'application/pdf'],
      ['crack.gif', GIF, 'image/gif'],
      ['label.webp', WEBP, 'image/webp'],
      ['counts.csv', CSV, 'text/csv'],
      ['notes', Buffer.from('no extension, plain text'), 'text/plain'],
    ]
    for (const [name, content, type] of cases) {
      t.clock.advance(1000)
      const response = await upload(created.id, { name, content })
      assert.equal(response.status, 201, `${name}: ${await response.clone().text()}`)
      const attachment = (await response.json()) as CaseAttachment
      assert.match(attachment.id, /^catt_/)
      assert.equal(attachment.contentType, type)
      assert.equal(attachment.size, content.length)
    }
    const read = (await (
      await t.app.request(`/v1/cases/${created.id}`, { headers: auth })
    ).json()) as Case
    assert.equal(read.attachments.length, cases.length)
    assert.equal(read.attachments.at(-1)!.fileName, 'notes.txt')

    const first = read.attachments[0]!
    const link = await post(
      `/v1/cases/${created.id}/attachments/${first.id}/download-link`,
      undefined,
    )
    assert.equal(link.status, 200)
    const { url } = (await link.json()) as { url: string }
    const download = await t.app.request(url)
    assert.equal(download.status, 200)
    assert.equal(download.headers.get('content-type'), 'image/png')
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff')
    assert.match(
      download.headers.get('content-disposition') ?? '',
      /^attachment; filename="pallet.png"/,
    )
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG)
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', first.id)
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['case.attachment_downloaded'],
    )
  })

  test('a file is attached to a comment of the case', async () => {
    const created = await raise()
    const comment = (await (
      await post(`/v1/cases/${created.id}/comments`, { body: 'See the photo.' })
    ).json()) as CaseComment
    const response = await upload(
      created.id,
      { name: 'pallet.png', content: PNG },
      { commentId: comment.id },
    )
    assert.equal(response.status, 201)
    const read = (await (
      await t.app.request(`/v1/cases/${created.id}`, { headers: auth })
    ).json()) as Case
    assert.equal(read.comments[0]!.attachments.length, 1)
    assert.equal(read.comments[0]!.attachments[0]!.commentId, comment.id)
  })

  test('the same file uploaded again is the first attachment, stored once', async () => {
    const created = await raise()
    const first = await upload(created.id, { name: 'pallet.png', content: PNG })
    assert.equal(first.status, 201)
    const before = await footprint()
    const again = await upload(created.id, { name: 'pallet.png', content: PNG })
    assert.equal(again.status, 200)
    assert.equal(
      ((await again.json()) as CaseAttachment).id,
      ((await first.json()) as CaseAttachment).id,
    )
    assert.deepEqual(await footprint(), before)
  })

  test('refused uploads answer problem+json and leave no row and no file', async () => {
    const created = await raise()
    const closedCase = await raise()
    assert.equal((await post(`/v1/cases/${closedCase.id}/close`, undefined)).status, 200)
    const theirs = await raise(other)
    const before = await footprint()
    const refused: Array<[string, () => Response | Promise<Response>, number, string]> = [
      [
        'over the limit',
        () =>
          upload(created.id, {
            name: 'big.png',
            content: Buffer.concat([PNG, Buffer.alloc(LIMIT)]),
          }),
        413,
        'payload_too_large',
      ],
      [
        'an executable',
        () => upload(created.id, { name: 'setup.exe', content: EXE }),
        415,
        'unsupported_attachment_type',
      ],
      [
        'an extension that lies',
        () => upload(created.id, { name: 'invoice.pdf', content: PNG }),
        415,
        'content_mismatch',
      ],
      [
        'a declared type that lies',
        () => upload(created.id, { name: 'photo', type: 'application/pdf', content: PNG }),
        415,
        'content_mismatch',
      ],
      [
        'text named as an image',
        () => upload(created.id, { name: 'photo.jpg', content: CSV }),
        415,
        'content_mismatch',
      ],
      [
        'an HTML page',
        () =>
          upload(created.id, {
            name: 'page.html',
            content: Buffer.from('<html><script>alert(1)</script></html>'),
          }),
        415,
        'unsupported_attachment_type',
      ],
      [
        'an empty file',
        () => upload(created.id, { name: 'empty.txt', content: Buffer.alloc(0) }),
        422,
        'empty_attachment',
      ],
      [
        'a path as file name',
        () => upload(created.id, { name: '../../etc/passwd.txt', content: CSV }),
        400,
        'validation_failed',
      ],
      [
        'an unknown field',
        () => upload(created.id, { name: 'a.png', content: PNG }, { caption: 'x' }),
        400,
        'validation_failed',
      ],
      [
        'a comment of another case',
        () =>
          upload(
            created.id,
            { name: 'a.png', content: PNG },
            { commentId: 'cmt_01jd4h7c2m8x3v9q5t6w2n4k8r' },
          ),
        404,
        'not_found',
      ],
      [
        'a closed case',
        () => upload(closedCase.id, { name: 'a.png', content: PNG }),
        409,
        'case_closed',
      ],
      [
        "another account's case",
        () => upload(theirs.id, { name: 'a.png', content: PNG }),
        404,
        'not_found',
      ],
    ]
    for (const [what, send, status, code] of refused) {
      const response = await send()
      assert.equal(response.status, status, `${what}: ${await response.clone().text()}`)
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, what)
      assert.equal(((await response.json()) as Problem).code, code, what)
    }
    assert.deepEqual(await footprint(), before)
  })

  test("another account's attachment has no download link (404)", async () => {
    const theirs = await raise(other)
    const uploaded = (await (
      await upload(theirs.id, { name: 'a.png', content: PNG }, {}, other)
    ).json()) as CaseAttachment
    const response = await post(
      `/v1/cases/${theirs.id}/attachments/${uploaded.id}/download-link`,
      undefined,
    )
    assert.equal(response.status, 404)
  })
})
