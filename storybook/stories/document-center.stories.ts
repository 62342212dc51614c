import '@portico/elements'
import {
  documentCenterCatalogue,
  type DocumentCenterMessages,
  type DocumentTypeFilter,
  type PorticoDocumentCenter,
} from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html, nothing } from 'lit'
import { ref } from 'lit/directives/ref.js'
import { accountsPayablePermissions } from '../fake-api/fake-billing.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { fakeRecordDocuments, type FakeRecordsState } from '../fake-api/fake-records.js'
import { accountByLocale, localeOf, messagesIn } from './story-helpers.js'

interface DocumentCenterArgs {
  type: DocumentTypeFilter
  search: string
  orderId: string
  pageSize: number
  /** Shows `<h2 slot="header">` (the localised word for "Documents"). */
  header: boolean
  /** What the fake API answers. */
  scenario: (locale: string) => FakeScenario
  /** What a person does once the list has loaded, for the state a story shows. */
  steps?: (center: PorticoDocumentCenter) => Promise<unknown> | void
}

/** The locale's account with `documents`; `changes` tailors the state. */
const records =
  (count = 26, changes: Partial<FakeRecordsState> = {}): DocumentCenterArgs['scenario'] =>
  (locale) => ({
    kind: 'records',
    records: {
      account: accountByLocale[locale]!,
      documents: fakeRecordDocuments(count, new Date('2026-11-20T00:00:00Z')),
      contracts: [],
      permissions: accountsPayablePermissions,
      ...changes,
    },
  })

/** Waits for the list, then runs `steps` (a click a person would make), for screenshots. */
const afterLoad =
  (steps: (center: PorticoDocumentCenter) => Promise<unknown> | void) => (element?: Element) => {
    if (!(element instanceof HTMLElement) || element.dataset.storyPrepared) return
    const center = element as PorticoDocumentCenter
    center.dataset.storyPrepared = 'true'
    center.dataset.storyPending = 'true'
    void (async () => {
      while (['idle', 'loading'].includes(center.controller.state))
        await new Promise((resolve) => setTimeout(resolve, 50))
      await steps(center)
      await center.updateComplete
      delete center.dataset.storyPending
    })()
  }

const meta: Meta<DocumentCenterArgs> = {
  title: 'Elements/Document center',
  component: 'portico-document-center',
  argTypes: {
    type: {
      control: 'select',
      options: [
        'all',
        'invoice',
        'tax_invoice',
        'delivery_order',
        'certificate_of_analysis',
        'contract',
        'other',
      ],
      description: 'The `type` attribute.',
    },
    search: { control: 'text', description: 'The `search` attribute (title or number).' },
    orderId: { control: 'text', description: '`order-id`: only this order’s documents.' },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: '`page-size`' },
    header: { control: 'boolean', description: 'Fill the `header` slot with a heading.' },
    scenario: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { type: 'all', search: '', orderId: '', pageSize: 10, header: true, scenario: records() },
  loaders: [messagesIn(documentCenterCatalogue)],
  render: ({ type, search, orderId, pageSize, header, scenario, steps }, { globals, loaded }) => {
    const locale = localeOf(globals)
    return html`
      <portico-document-center
        .client=${fakePortalClient(scenario(locale))}
        locale=${locale}
        type=${type}
        search=${search}
        order-id=${orderId}
        page-size=${pageSize}
        ${ref(steps ? afterLoad(steps) : undefined)}
        @portico-document-download=${(event: CustomEvent) => {
          // The fake link leads nowhere: show it instead of following it.
          event.preventDefault()
          console.info('portico-document-download', event.detail)
        }}
      >
        ${
          header
            ? html`<h2 slot="header">${(loaded.messages as DocumentCenterMessages).documents}</h2>`
            : nothing
        }
      </portico-document-center>
    `
  },
}

export default meta
type Story = StoryObj<DocumentCenterArgs>

/** The account's documents, newest first, with more to load. */
export const Loaded: Story = {}

/** Only the tax invoices (e-Faktur XML among them). */
export const FilteredByType: Story = { args: { type: 'tax_invoice' } }

/** A search by number: what an accounts-payable clerk types from a paper copy. */
export const Searched: Story = { args: { search: '00238' } }

/** Embedded on an order's page with `order-id`: that order's delivery order. */
export const ForOneOrder: Story = { args: { orderId: 'ord_fake00240', header: false } }

/** The second page loaded with "Load more". */
export const LoadedMore: Story = {
  args: { pageSize: 6, steps: (center) => center.controller.loadMore() },
}

/** A download whose link is being minted: the button says so and stays focusable. */
export const DownloadPreparing: Story = {
  args: {
    scenario: records(26, { holdDownloads: true }),
    steps: (center) => void center.downloads.download(center.controller.items[0]!),
  },
}

/** A download the API refused: why, beside the button, and announced. */
export const DownloadFailed: Story = {
  args: {
    scenario: records(26, { refuseDownloads: 403 }),
    steps: (center) => center.downloads.download(center.controller.items[0]!),
  },
}

/** Waiting for the API: a skeleton shaped like the table, `aria-busy` set. */
export const Loading: Story = { args: { scenario: () => ({ kind: 'pending' }) } }

/** An account without documents yet. */
export const Empty: Story = { args: { scenario: records(0) } }

/** A search that finds nothing: the filters stay, so the person can widen it. */
export const FilteredEmpty: Story = { args: { search: 'no such number' } }

/** The API failed: the problem's request ID to quote, and Retry. */
export const Error: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 500 }) },
}

/** The role may not see documents (403). */
export const Forbidden: Story = {
  args: { scenario: records(26, { permissions: ['invoices:read'] }) },
}

/** The embed session expired (401). */
export const Unauthorized: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 401 }) },
}
