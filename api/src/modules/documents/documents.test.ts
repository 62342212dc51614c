import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { pdfShownText } from '../../../test/support/pdf.js'
import { newId } from '../../lib/ids.js'
import {
  createTestApp,
  openSession,
  problemWithoutRequestId,
  signIn,
  uploadErpDocument,
  type TestApp,
  type UploadFile,
} from '../../testing.js'
import { verifyAuditChain } from '../audit/service.js'

const PDF = (text = 'a delivery order') =>
  Buffer.from(`%PDF-1.7\n1 0 obj << >> endobj\n% ${text}\ntrailer << >>\n%%EOF\n`, 'latin1')
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)])
const XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<Faktur><Nomor>010.000-26.1</Nomor></Faktur>\n',
)
const HTML = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')

type Doc = {
  id: string
  type: string
  title: string
  fileName: string
  contentType: string
  sizeBytes: number
  orderId: string | null
  orderNumber: string | null
  invoiceId: string | null
  invoiceNumber: string | null
  contractId: string | null
  contractNumber: string | null
}
type Page = { data: Doc[]; nextCursor: string | null }

describe('documents', () => {
  let t: TestApp
  let brandt: { accountId: string; headers: Record<string, string> }
  let cascade: { accountId: string; headers: Record<string, string> }
  let brandtOrder: string
  let brandtInvoice: string
  let cascadeOrder: string
  let cascadeInvoice: string
  let n = 0

  const upload = (fields: Record<string, string>, file: UploadFile) =>
    uploadErpDocument(
      t,
      { erpDocumentId: `erp-doc-${++n}`, type: 'delivery_order', ...fields },
      file,
    )
  const get = (path: string, headers: Record<string, string>) => t.app.request(path, { headers })
  const link = async (path: string, headers: Record<string, string>) => {
    const response = await t.app.request(path, { method: 'POST', headers })
    assert.equal(response.status, 200, await response.clone().text())
    return (await response.json()) as { url: string; expiresAt: string }
  }
  const count = async (table: 'documents' | 'events' | 'audit_log') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  /** Files in the document store's folder (the filesystem store in tests). */
  const storedFiles = () => {
    const settings = t.config.documentStore
    return settings.kind === 'filesystem'
      ? readdirSync(settings.dir, { recursive: true, withFileTypes: true }).filter((e) =>
          e.isFile(),
        ).length
      : 0
  }

  before(async () => {
    t = await createTestApp({ PORTICO_UPLOAD_LIMIT_BYTES: '200000' })
    brandt = await signIn(t.app, 'ap@brandt-maschinenbau.de')
    cascade = await signIn(t.app, 'ap@cascadefab.com')
    const first = async (table: 'orders' | 'invoices', accountId: string) =>
      (
        await t.db
          .selectFrom(table)
          .select('id')
          .where('account_id', '=', accountId)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id
    brandtOrder = await first('orders', brandt.accountId)
    brandtInvoice = await first('invoices', brandt.accountId)
    cascadeOrder = await first('orders', cascade.accountId)
    cascadeInvoice = await first('invoices', cascade.accountId)
  })
  after(() => t.close())

  test('the ERP uploads a PDF for an order; the account lists and downloads it, byte for byte', async () => {
    const bytes = PDF('DO-4711')
    const response = await upload(
      { accountId: brandt.accountId, orderId: brandtOrder, title: 'Lieferschein DO-4711' },
      { name: 'Lieferschein DO-4711 Größe.pdf', type: 'application/pdf', content: bytes },
    )
    assert.equal(response.status, 201, await response.clone().text())
    const { document, accountId, duplicate } = (await response.json()) as {
      document: Doc
      accountId: string
      duplicate: boolean
    }
    assert.equal(accountId, brandt.accountId)
    assert.equal(duplicate, false)
    assert.equal(document.contentType, 'application/pdf')
    assert.equal(document.sizeBytes, bytes.length)
    assert.equal(document.orderId, brandtOrder)
    // What it belongs to by the number people know it by, not only its ID.
    const orderNumber = (
      await t.db
        .selectFrom('orders')
        .select('number')
        .where('id', '=', brandtOrder)
        .executeTakeFirstOrThrow()
    ).number
    assert.equal(document.orderNumber, orderNumber)
    assert.equal(document.invoiceNumber, null)
    assert.equal(document.contractNumber, null)

    const page = (await (
      await get(`/v1/documents?orderId=${brandtOrder}`, brandt.headers)
    ).json()) as Page
    assert.ok(page.data.some((d) => d.id === document.id))
    assert.ok(page.data.every((d) => d.orderId === brandtOrder && d.orderNumber === orderNumber))
    const shown = (await (await get(`/v1/documents/${document.id}`, brandt.headers)).json()) as Doc
    assert.equal(shown.orderNumber, orderNumber)

    const { url, expiresAt } = await link(
      `/v1/documents/${document.id}/download-link`,
      brandt.headers,
    )
    assert.match(url, /^\/v1\/downloads\/[\w-]+\.[\w-]+$/)
    assert.ok(Date.parse(expiresAt) - t.clock.now().getTime() <= 5 * 60 * 1000)
    // A plain GET, no credential: the signed link is one.
    const download = await t.app.request(url, {
      headers: { 'user-agent': 'Portico test agent/1.0' },
    })
    assert.equal(download.status, 200)
    assert.equal(download.headers.get('content-type'), 'application/pdf')
    assert.equal(download.headers.get('content-length'), String(bytes.length))
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="Lieferschein DO-4711 Gro_e.pdf"; filename*=UTF-8''Lieferschein%20DO-4711%20Gr%C3%B6%C3%9Fe.pdf`,
    )
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(download.headers.get('cache-control'), 'private, no-store')
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes)
  })

  test('every download writes an audit entry (user, time, IP, user agent) and an event, hash-chained', async () => {
    const created = (await (
      await upload({ accountId: brandt.accountId }, { name: 'coa.pdf', content: PDF('coa') })
    ).json()) as { document: Doc }
    const { url } = await link(`/v1/documents/${created.document.id}/download-link`, brandt.headers)
    for (let i = 0; i < 2; i++) {
      const response = await t.app.request(url, { headers: { 'user-agent': `agent-${i}` } })
      assert.equal(response.status, 200)
      await response.arrayBuffer()
    }
    const entries = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', created.document.id)
      .orderBy('seq')
      .execute()
    assert.equal(entries.length, 2)
    const me = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'ap@brandt-maschinenbau.de')
      .executeTakeFirstOrThrow()
    for (const [i, entry] of entries.entries()) {
      const body = JSON.parse(entry.entry) as {
        action: string
        actor: string
        occurredAt: string
        detail: { ip: string; userAgent: string; credential: string }
      }
      assert.equal(body.action, 'document.downloaded')
      assert.equal(body.actor, `user:${me.id}`)
      assert.equal(body.occurredAt, t.clock.now().toISOString())
      assert.equal(body.detail.userAgent, `agent-${i}`)
      assert.equal(typeof body.detail.ip, 'string')
      assert.match(body.detail.credential, /^session:sess_/)
    }
    const events = await t.db
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', created.document.id)
      .execute()
    assert.deepEqual(
      events.map((e) => e.type),
      ['document.created', 'document.downloaded', 'document.downloaded'],
    )
    const verified = await verifyAuditChain(t.db, brandt.accountId)
    assert.ok(verified.ok, JSON.stringify(verified))

    // Editing an entry after the fact breaks the chain at that entry.
    await t.db
      .updateTable('audit_log')
      .set({ entry: entries[0]!.entry.replace('agent-0', 'someone-else') })
      .where('account_id', '=', brandt.accountId)
      .where('seq', '=', entries[0]!.seq)
      .execute()
    const broken = await verifyAuditChain(t.db, brandt.accountId)
    assert.deepEqual(broken, {
      ok: false,
      seq: Number(entries[0]!.seq),
      reason: 'the entry does not hash to its hash',
    })
    await t.db
      .updateTable('audit_log')
      .set({ entry: entries[0]!.entry })
      .where('account_id', '=', brandt.accountId)
      .where('seq', '=', entries[0]!.seq)
      .execute()
    const checkpoint = { seq: Number(entries[1]!.seq), hash: entries[1]!.hash }
    assert.ok((await verifyAuditChain(t.db, brandt.accountId, checkpoint)).ok)
  })

  test('an expired or tampered download link → 403', async () => {
    const created = (await (
      await upload({ accountId: brandt.accountId }, { name: 'x.pdf', content: PDF() })
    ).json()) as { document: Doc }
    const { url } = await link(`/v1/documents/${created.document.id}/download-link`, brandt.headers)
    const token = url.slice('/v1/downloads/'.length)
    const [body, mac] = token.split('.') as [string, string]
    const claim = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[]
    claim[5] = Number(claim[5]) + 3_600_000 // a longer life
    const forged = [
      `${Buffer.from(JSON.stringify(claim)).toString('base64url')}.${mac}`,
      `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`,
      `${body}`,
      'garbage',
    ]
    for (const bad of forged) {
      const response = await t.app.request(`/v1/downloads/${bad}`)
      assert.equal(response.status, 403, bad)
      assert.equal(((await response.json()) as { code: string }).code, 'download_link_invalid')
    }
    const before = await count('audit_log')
    const started = t.clock.now()
    t.clock.advance(5 * 60 * 1000 + 1)
    try {
      const expired = await t.app.request(url)
      assert.equal(expired.status, 403)
      assert.equal(((await expired.json()) as { code: string }).code, 'download_link_expired')
    } finally {
      t.clock.set(started)
    }
    assert.equal(await count('audit_log'), before, 'a refused download is not a download')
  })

  test('a link minted in a session is refused once that session has ended', async () => {
    const created = (await (
      await upload({ accountId: brandt.accountId }, { name: 'y.pdf', content: PDF() })
    ).json()) as { document: Doc }
    const session = {
      authorization: `Bearer ${await openSession(t.db, 'ap@brandt-maschinenbau.de', t.clock.now())}`,
    }
    const { url } = await link(`/v1/documents/${created.document.id}/download-link`, session)
    assert.equal((await t.app.request(url)).status, 200)
    await t.app.request('/v1/auth/logout', { method: 'POST', headers: session })
    const refused = await t.app.request(url)
    assert.equal(refused.status, 403)
    assert.equal(((await refused.json()) as { code: string }).code, 'download_link_revoked')
  })

  test('a link minted through an embed session dies with it', async () => {
    const created = (await (
      await upload({ accountId: brandt.accountId }, { name: 'z.pdf', content: PDF() })
    ).json()) as { document: Doc }
    const minted = await t.app.request('/v1/embed-sessions', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.operatorKey}`,
        'content-type': 'application/json',
        'idempotency-key': `emb-${++n}`,
      },
      body: JSON.stringify({
        email: 'ap@brandt-maschinenbau.de',
        allowedOrigins: ['https://intranet.example'],
        ttlSeconds: 60,
      }),
    })
    const { clientSecret } = (await minted.json()) as { clientSecret: string }
    const { url } = await link(`/v1/documents/${created.document.id}/download-link`, {
      authorization: `Bearer ${clientSecret}`,
      origin: 'https://intranet.example',
    })
    assert.equal(
      (await t.app.request(url)).status,
      200,
      'followed without an Origin, like a navigation',
    )
    const started = t.clock.now()
    t.clock.advance(61_000)
    try {
      assert.equal((await t.app.request(url)).status, 403)
    } finally {
      t.clock.set(started)
    }
  })

  for (const name of [
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    'reports/../../x.pdf',
    '/etc/passwd',
    'C:\\temp\\x.pdf',
    'C:x.pdf',
    '..',
    'a\u0000.pdf',
    '.htaccess',
  ]) {
    test(`an upload named ${JSON.stringify(name)} is refused, and nothing is stored`, async () => {
      const before = { documents: await count('documents'), files: storedFiles() }
      const response = await upload({ accountId: brandt.accountId }, { name, content: PDF() })
      assert.equal(response.status, 400)
      const problem = (await response.json()) as { errors: Array<{ field: string; code: string }> }
      // A NUL cannot even travel in a part header: the multipart parser refuses the body first.
      const expected = name.includes('\u0000')
        ? [['body', 'malformed_multipart']]
        : [['body.file', 'invalid_file_name']]
      assert.deepEqual(
        problem.errors.map((e) => [e.field, e.code]),
        expected,
      )
      assert.deepEqual({ documents: await count('documents'), files: storedFiles() }, before)
    })
  }

  for (const [label, fields, file, code] of [
    [
      'PNG bytes declared as application/pdf',
      {},
      { name: 'x.pdf', type: 'application/pdf', content: PNG },
      'content_type_mismatch',
    ],
    ['PNG bytes named .pdf', {}, { name: 'scan.pdf', content: PNG }, 'content_type_mismatch'],
    [
      'PDF bytes declared as image/jpeg',
      {},
      { name: 'x', type: 'image/jpeg', content: PDF() },
      'content_type_mismatch',
    ],
    [
      'HTML declared as a PDF',
      {},
      { name: 'x.pdf', type: 'application/pdf', content: HTML },
      'unsupported_document_type',
    ],
    [
      'XML as a delivery order',
      {},
      { name: 'x.xml', type: 'application/xml', content: XML },
      'unsupported_document_type',
    ],
  ] as const) {
    test(`${label} → 415 ${code}`, async () => {
      const response = await upload({ accountId: brandt.accountId, ...fields }, file)
      assert.equal(response.status, 415)
      assert.equal(((await response.json()) as { code: string }).code, code)
    })
  }

  test('PNG, JPEG and e-Faktur XML are stored as what their bytes are', async () => {
    for (const [file, type, expected, fileName] of [
      [{ name: 'photo.png', content: PNG }, 'other', 'image/png', 'photo.png'],
      [
        { name: 'scan', type: 'image/jpeg', content: JPEG },
        'certificate_of_analysis',
        'image/jpeg',
        'scan.jpg',
      ],
      [
        { name: 'e-Faktur 010.xml', type: 'text/xml', content: XML },
        'tax_invoice',
        'application/xml',
        'e-Faktur 010.xml',
      ],
    ] as const) {
      const response = await upload({ accountId: brandt.accountId, type }, file)
      assert.equal(response.status, 201, await response.clone().text())
      const { document } = (await response.json()) as { document: Doc }
      assert.equal(document.contentType, expected)
      assert.equal(document.fileName, fileName)
    }
  })

  test('an upload over PORTICO_UPLOAD_LIMIT_BYTES → 413, and nothing is stored', async () => {
    const before = { documents: await count('documents'), files: storedFiles() }
    const big = Buffer.concat([PDF(), Buffer.alloc(200_001, 0x20)])
    const response = await upload(
      { accountId: brandt.accountId },
      { name: 'big.pdf', content: big },
    )
    assert.equal(response.status, 413)
    assert.equal(((await response.json()) as { code: string }).code, 'payload_too_large')
    assert.deepEqual({ documents: await count('documents'), files: storedFiles() }, before)
  })

  test("a document for another account's order or invoice is refused; the account must exist", async () => {
    for (const [fields, field] of [
      [{ orderId: cascadeOrder }, 'body.orderId'],
      [{ invoiceId: cascadeInvoice }, 'body.invoiceId'],
      [{ orderId: newId('ord') }, 'body.orderId'],
    ] as const) {
      const response = await upload(
        { accountId: brandt.accountId, ...fields },
        { name: 'a.pdf', content: PDF() },
      )
      assert.equal(response.status, 422)
      const problem = (await response.json()) as { code: string; errors: Array<{ field: string }> }
      assert.equal(problem.code, 'attachment_not_in_account')
      assert.equal(problem.errors[0]!.field, field)
    }
    const unknown = await upload({ accountId: newId('acct') }, { name: 'a.pdf', content: PDF() })
    assert.equal(unknown.status, 422)
  })

  test('the ERP retrying an upload gets the first document back; the same ID with other bytes is refused', async () => {
    const fields = {
      accountId: brandt.accountId,
      erpDocumentId: 'ERP-DOC-RETRY',
      invoiceId: brandtInvoice,
    }
    const first = await uploadErpDocument(
      t,
      { type: 'invoice', ...fields },
      { name: 'inv.pdf', content: PDF('v1') },
    )
    assert.equal(first.status, 201)
    const before = { documents: await count('documents'), events: await count('events') }
    const again = await uploadErpDocument(
      t,
      { type: 'invoice', ...fields },
      { name: 'inv.pdf', content: PDF('v1') },
    )
    assert.equal(again.status, 200)
    const replay = (await again.json()) as { duplicate: boolean; document: Doc }
    assert.equal(replay.duplicate, true)
    assert.equal(replay.document.id, ((await first.json()) as { document: Doc }).document.id)
    assert.deepEqual({ documents: await count('documents'), events: await count('events') }, before)
    const other = await uploadErpDocument(
      t,
      { type: 'invoice', ...fields },
      { name: 'inv.pdf', content: PDF('v2') },
    )
    assert.equal(other.status, 422)
    assert.equal(((await other.json()) as { code: string }).code, 'erp_document_id_reused')
  })

  test('text fields after the file, unknown fields and a missing file are 400', async () => {
    const before = { documents: await count('documents'), files: storedFiles() }
    const late = new FormData()
    late.append('accountId', brandt.accountId)
    late.append('type', 'other')
    late.append('erpDocumentId', 'late')
    late.append('file', new Blob([PDF()]), 'a.pdf')
    late.append('title', 'sent after the file')
    for (const [body, code] of [
      [late, 'field_after_file'],
      [
        (() => {
          const f = new FormData()
          f.append('accountId', brandt.accountId)
          f.append('role', 'admin')
          return f
        })(),
        'unrecognized_keys',
      ],
      [
        (() => {
          const f = new FormData()
          f.append('accountId', brandt.accountId)
          f.append('type', 'other')
          f.append('erpDocumentId', 'nofile')
          return f
        })(),
        'invalid_type',
      ],
    ] as const) {
      const response = await t.app.request('/v1/integrations/erp/documents', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.operatorKey}` },
        body,
      })
      assert.equal(response.status, 400)
      const problem = (await response.json()) as { errors: Array<{ code: string }> }
      assert.equal(problem.errors[0]!.code, code)
    }
    const json = await t.app.request('/v1/integrations/erp/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.operatorKey}`, 'content-type': 'application/json' },
      body: '{}',
    })
    assert.equal(json.status, 415)
    assert.deepEqual({ documents: await count('documents'), files: storedFiles() }, before)
  })

  test("another account's document ID is a 404 identical to a missing one", async () => {
    const created = (await (
      await upload({ accountId: brandt.accountId }, { name: 'mine.pdf', content: PDF() })
    ).json()) as { document: Doc }
    for (const path of [`/v1/documents/${created.document.id}`, `/v1/documents/${newId('doc')}`]) {
      assert.equal((await get(path, cascade.headers)).status, 404)
    }
    const foreign = await t.app.request(`/v1/documents/${created.document.id}/download-link`, {
      method: 'POST',
      headers: cascade.headers,
    })
    const missing = await t.app.request(`/v1/documents/${newId('doc')}/download-link`, {
      method: 'POST',
      headers: cascade.headers,
    })
    assert.equal(foreign.status, 404)
    assert.equal(await problemWithoutRequestId(foreign), await problemWithoutRequestId(missing))
    const theirs = (await (await get('/v1/documents?limit=100', cascade.headers)).json()) as Page
    assert.ok(!theirs.data.some((d) => d.id === created.document.id))
    const filtered = (await (
      await get(`/v1/documents?orderId=${brandtOrder}`, cascade.headers)
    ).json()) as Page
    assert.deepEqual(filtered.data, [])
  })

  test('the list pages through every document once, newest first, and filters by type', async () => {
    const seen: Doc[] = []
    let cursor: string | null = null
    do {
      const page = (await (
        await get(`/v1/documents?limit=3${cursor ? `&cursor=${cursor}` : ''}`, brandt.headers)
      ).json()) as Page
      seen.push(...page.data)
      cursor = page.nextCursor
    } while (cursor)
    assert.equal(new Set(seen.map((d) => d.id)).size, seen.length)
    assert.equal(
      seen.length,
      await t.db
        .selectFrom('documents')
        .select('id')
        .where('account_id', '=', brandt.accountId)
        .execute()
        .then((r) => r.length),
    )
    const contracts = (await (
      await get('/v1/documents?type=contract', brandt.headers)
    ).json()) as Page
    assert.ok(contracts.data.length >= 1 && contracts.data.every((d) => d.type === 'contract'))
  })

  test('q searches title and file name, case-insensitively, wildcards literal, cursors bound to it', async () => {
    const mine = async (title: string, name: string, type = 'delivery_order') => {
      t.clock.advance(1000) // newest first: each upload a second after the last
      const response = await upload(
        { accountId: cascade.accountId, title, type },
        { name, type: 'application/pdf', content: PDF(title) },
      )
      assert.equal(response.status, 201, await response.clone().text())
      return ((await response.json()) as { document: Doc }).document.id
    }
    const byTitle = await mine('Delivery order QX-7731', 'qx-7731.pdf')
    const byName = await mine('Shipment papers', 'SJ-QX-7732.pdf')
    const coa = await mine('Certificate QX-7733', 'coa.pdf', 'certificate_of_analysis')
    const percent = await mine('Discount 100% QX', 'discount.pdf')
    const search = async (query: string, headers = cascade.headers) => {
      const response = await get(`/v1/documents?${query}`, headers)
      assert.equal(response.status, 200, await response.clone().text())
      return (await response.json()) as Page
    }
    const ids = (page: Page) => page.data.map((d) => d.id)

    assert.deepEqual(ids(await search('q=qx-77')), [coa, byName, byTitle])
    assert.deepEqual(ids(await search('q=%20SJ-QX%20')), [byName])
    assert.deepEqual(ids(await search('q=qx-77&type=certificate_of_analysis')), [coa])
    // % and _ are the characters themselves, not LIKE's wildcards.
    assert.deepEqual(ids(await search('q=100%25')), [percent])
    assert.deepEqual(ids(await search('q=qx_77')), [])
    // Another account's titles are not found by its words.
    assert.deepEqual(ids(await search('q=qx-77', brandt.headers)), [])

    const first = await search('q=qx-77&limit=2')
    assert.deepEqual(ids(first), [coa, byName])
    const second = await search(`q=qx-77&limit=2&cursor=${first.nextCursor}`)
    assert.deepEqual(ids(second), [byTitle])
    assert.equal(second.nextCursor, null)
    const moved = await get(
      `/v1/documents?q=other&limit=2&cursor=${first.nextCursor}`,
      cascade.headers,
    )
    assert.equal(moved.status, 400)

    const tooLong = await get(`/v1/documents?q=${'x'.repeat(101)}`, cascade.headers)
    assert.equal(tooLong.status, 400)
    assert.equal(tooLong.headers.get('content-type'), 'application/problem+json')
  })

  test('an invoice without an ERP PDF downloads as a PDF rendered from its data', async () => {
    const invoiceId = (
      await t.db
        .selectFrom('invoices')
        .select('id')
        .where('account_id', '=', cascade.accountId)
        .where('id', '!=', cascadeInvoice)
        .orderBy('issue_date', 'desc')
        .executeTakeFirstOrThrow()
    ).id
    const invoice = (await (await get(`/v1/invoices/${invoiceId}`, cascade.headers)).json()) as {
      number: string
      total: number
      amountDue: number
      lines: Array<{ description: string }>
    }
    const { url } = await link(`/v1/invoices/${invoiceId}/download-link`, cascade.headers)
    const response = await t.app.request(url)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    assert.match(
      response.headers.get('content-disposition') ?? '',
      new RegExp(`filename="${invoice.number}.pdf"`),
    )
    const pdf = Buffer.from(await response.arrayBuffer())
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    assert.match(pdf.subarray(-6).toString(), /%%EOF/)
    const text = pdfShownText(pdf)
    const usd = (minor: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100)
    assert.ok(text.includes(invoice.number), text.slice(0, 300))
    assert.ok(text.includes(usd(invoice.total)), `total ${usd(invoice.total)} in\n${text}`)
    assert.ok(text.includes(usd(invoice.amountDue)))
    assert.ok(text.includes(invoice.lines[0]!.description))
    assert.ok(text.includes('Payment instructions'))
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', invoiceId)
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['invoice.pdf_downloaded'],
    )
  })

  test('a rendered invoice shows € and German formatting, and the ERP’s own PDF wins when there is one', async () => {
    const { url } = await link(`/v1/invoices/${brandtInvoice}/download-link`, brandt.headers)
    // brandtInvoice got an ERP `invoice` document in the retry test above.
    const supplied = await t.app.request(url)
    assert.equal(supplied.headers.get('content-disposition')?.includes('inv.pdf'), true)
    const other = await t.db
      .selectFrom('invoices')
      .select(['id', 'total'])
      .where('account_id', '=', brandt.accountId)
      .where('id', '!=', brandtInvoice)
      .executeTakeFirstOrThrow()
    const rendered = await t.app.request(
      (await link(`/v1/invoices/${other.id}/download-link`, brandt.headers)).url,
    )
    const text = pdfShownText(Buffer.from(await rendered.arrayBuffer()))
    const eur = new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(
      Number(other.total) / 100,
    )
    assert.ok(text.includes(eur), `${eur} in\n${text}`)
    assert.ok(text.includes('€'))
  })

  test('a viewer may read documents; an operator key may not list them', async () => {
    const viewer = await signIn(t.app, 'viewer@brandt-maschinenbau.de')
    assert.equal((await get('/v1/documents', viewer.headers)).status, 200)
    assert.equal(
      (await get('/v1/documents', { authorization: `Bearer ${t.operatorKey}` })).status,
      401,
    )
  })
})
