import '@portico/elements'
import {
  invoiceListCatalogue,
  type InvoiceListMessages,
  type InvoiceStatusFilter,
  type PortalClient,
} from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html, nothing } from 'lit'
import {
  fakeAccounts,
  fakeInvoices,
  fakePortalClient,
  type FakeAccount,
  type FakeScenario,
} from '../fake-api/fake-portico-api.js'
import { messagesIn } from './story-helpers.js'

/** Each locale shows the demo account that would really use it. */
const accountByLocale: Record<string, FakeAccount> = {
  en: fakeAccounts.cascade,
  de: fakeAccounts.brandt,
  fr: fakeAccounts.lyon,
  it: fakeAccounts.torino,
  id: fakeAccounts.sinarjaya,
}

/** The heading a host page would put in the `header` slot, in the story's language. */
const title = (loaded: Record<string, unknown>) => (loaded.messages as InvoiceListMessages).invoices

interface InvoiceListArgs {
  status: InvoiceStatusFilter
  pageSize: number
  /** Shows `<h2 slot="header">` (the localised word for "Invoices") left of the filter. */
  header: boolean
  /** What the fake API answers. */
  scenario: (account: FakeAccount) => FakeScenario
}

const meta: Meta<InvoiceListArgs> = {
  title: 'Elements/Invoice list',
  component: 'portico-invoice-list',
  argTypes: {
    status: {
      control: 'inline-radio',
      options: ['all', 'open', 'partially_paid', 'overdue', 'paid', 'void'],
      description: 'The `status` attribute: which invoices to show.',
    },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: '`page-size`' },
    header: { control: 'boolean', description: 'Fill the `header` slot with a heading.' },
    scenario: { table: { disable: true } },
  },
  args: {
    status: 'all',
    pageSize: 10,
    header: true,
    scenario: (account) => ({ kind: 'invoices', invoices: fakeInvoices(account, 24) }),
  },
  loaders: [messagesIn(invoiceListCatalogue)],
  render: ({ status, pageSize, header, scenario }, { globals, loaded }) => {
    const locale = (globals.locale as string | undefined) ?? 'en'
    const client: PortalClient = fakePortalClient(scenario(accountByLocale[locale]!))
    return html`
      <portico-invoice-list
        .client=${client}
        locale=${locale}
        status=${status}
        page-size=${pageSize}
        @portico-invoice-select=${(event: CustomEvent) =>
          console.info('portico-invoice-select', event.detail.invoice)}
      >
        ${header ? html`<h2 slot="header">${title(loaded)}</h2>` : nothing}
      </portico-invoice-list>
    `
  },
}

export default meta
type Story = StoryObj<InvoiceListArgs>

/** The first page of a customer's invoices, with more to load. */
export const Loaded: Story = {}

/**
 * How a page really embeds the list: inside `<portico-provider>`, which gives
 * it the client and locale (a fake client here, instead of `base-url` and
 * `client-secret`).
 */
export const InProvider: Story = {
  render: ({ pageSize, header, scenario }, { globals, loaded }) => {
    const locale = (globals.locale as string | undefined) ?? 'en'
    return html`
      <portico-provider
        .client=${fakePortalClient(scenario(accountByLocale[locale]!))}
        locale=${locale}
      >
        <portico-invoice-list page-size=${pageSize}>
          ${header ? html`<h2 slot="header">${title(loaded)}</h2>` : nothing}
        </portico-invoice-list>
      </portico-provider>
    `
  },
}

/** Only overdue invoices: what accounts payable looks at first. */
export const FilteredOverdue: Story = {
  args: {
    status: 'overdue',
    scenario: (account) => ({ kind: 'invoices', invoices: fakeInvoices(account, 60) }),
  },
}

/** Waiting for the API: a skeleton shaped like the table, `aria-busy` set. */
export const Loading: Story = {
  args: { scenario: () => ({ kind: 'pending' }) },
}

/** A new customer without invoices. */
export const Empty: Story = {
  args: { scenario: () => ({ kind: 'invoices', invoices: [] }) },
}

/** The `empty` slot replaces the built-in message. */
export const EmptyWithSlot: Story = {
  args: { scenario: () => ({ kind: 'invoices', invoices: [] }) },
  render: ({ header }, { globals, loaded }) => html`
    <portico-invoice-list
      .client=${fakePortalClient({ kind: 'invoices', invoices: [] })}
      locale=${(globals.locale as string | undefined) ?? 'en'}
    >
      ${header ? html`<h2 slot="header">${title(loaded)}</h2>` : nothing}
      <p slot="empty">Your first invoice is issued when your first order ships.</p>
    </portico-invoice-list>
  `,
}

/** The API failed (here a 503 from the ERP connector): the request id helps support. */
export const LoadError: Story = {
  name: 'Error',
  args: { scenario: () => ({ kind: 'problem', status: 503 }) },
}

/** The embed session or sign-in expired (401). */
export const Unauthorized: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 401 }) },
}

/** The user's role may not see invoices (403). */
export const Forbidden: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 403 }) },
}

/** 120 invoices, 20 per page: "Load more" appends pages and announces them. */
export const LongListWithLoadMore: Story = {
  args: {
    pageSize: 20,
    scenario: (account) => ({
      kind: 'invoices',
      invoices: fakeInvoices(account, 120),
      latencyMs: 600,
    }),
  },
}
