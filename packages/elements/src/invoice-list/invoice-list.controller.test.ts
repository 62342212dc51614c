import { expect } from '@open-wc/testing'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import {
  clientFor,
  invoiceNumbers,
  mintEmbedSession,
  type EmbedSession,
} from '../../test/portico-api.js'
import { InvoiceListController } from './invoice-list.controller.js'

/** The least a reactive controller needs: no element, no rendering. */
function bareHost() {
  const host = {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(controller: ReactiveController) {
      host.controllers.push(controller)
    },
    removeController() {},
    requestUpdate() {
      host.updates++
    },
    updateComplete: Promise.resolve(true),
  }
  return host satisfies ReactiveControllerHost
}

describe('InvoiceListController without an element', () => {
  let session: EmbedSession

  beforeEach(async () => {
    session = await mintEmbedSession()
  })

  it('stays idle until it has a client', async () => {
    const host = bareHost()
    const invoices = new InvoiceListController(host)
    await invoices.configure({ pageSize: 3 })
    expect(invoices.state).to.equal('idle')
    expect(host.controllers).to.deep.equal([invoices])
  })

  it('pages through the API and asks its host to re-render', async () => {
    const host = bareHost()
    const invoices = new InvoiceListController(host, { client: clientFor(session), pageSize: 3 })
    await invoices.reload()
    expect(invoices.state).to.equal('ready')
    expect(invoices.hasMore).to.equal(true)

    expect(await invoices.loadMore()).to.equal(3)
    expect(invoices.items.map((invoice) => invoice.number)).to.deep.equal(
      await invoiceNumbers(session, { limit: 6 }),
    )
    expect(host.updates).to.be.greaterThan(2)
  })

  it('reloads with the new filter on setStatus()', async () => {
    const invoices = new InvoiceListController(bareHost(), {
      client: clientFor(session),
      pageSize: 4,
    })
    await invoices.reload()
    await invoices.setStatus('paid')
    expect(invoices.query.status).to.equal('paid')
    expect(invoices.items.map((invoice) => invoice.number)).to.deep.equal(
      await invoiceNumbers(session, { limit: 4, status: 'paid' }),
    )
  })

  it('keeps loaded rows when a later page fails, and retry() loads it', async () => {
    let fail = false
    const client = clientFor(session, (request) =>
      fail ? Promise.reject(new TypeError('Failed to fetch')) : fetch(request),
    )
    const invoices = new InvoiceListController(bareHost(), { client, pageSize: 2 })
    await invoices.reload()

    fail = true
    expect(await invoices.loadMore()).to.equal(0)
    expect(invoices.state).to.equal('ready')
    expect(invoices.items).to.have.length(2)
    expect(invoices.loadMoreError?.status).to.equal(0)

    fail = false
    await invoices.retry()
    expect(invoices.loadMoreError).to.equal(null)
    expect(invoices.items.map((invoice) => invoice.number)).to.deep.equal(
      await invoiceNumbers(session, { limit: 4 }),
    )
  })

  it('reports the problem document the API answered with', async () => {
    const invoices = new InvoiceListController(bareHost(), {
      client: clientFor(session),
      pageSize: 500,
    })
    await invoices.reload()
    expect(invoices.state).to.equal('error')
    expect(invoices.error?.status).to.equal(400)
    expect(invoices.error?.problem?.code).to.be.a('string')
    expect(invoices.error?.problem?.requestId).to.be.a('string')
  })
})
