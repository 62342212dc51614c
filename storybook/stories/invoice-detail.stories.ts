import '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import {
  fakeBillingState,
  fakeDocuments,
  fakePayment,
  type FakeBillingState,
} from '../fake-api/fake-billing.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { accountByLocale, localeOf } from './story-helpers.js'

interface InvoiceDetailArgs {
  /** What the fake API answers, and which invoice to show. */
  scenario: (locale: string) => { scenario: FakeScenario; invoiceId: string }
}

type Pick = (state: FakeBillingState) => FakeBillingState['invoices'][number]

/** The invoice `pick` chooses from the locale's account, with `tailor` applied to the state. */
const invoice =
  (
    pick: Pick,
    tailor: (state: FakeBillingState, id: string) => Partial<FakeBillingState> = () => ({}),
  ): InvoiceDetailArgs['scenario'] =>
  (locale) => {
    let invoiceId = ''
    const billing = fakeBillingState(accountByLocale[locale]!, (state) => {
      invoiceId = pick(state).id
      return tailor(state, invoiceId)
    })
    return { invoiceId, scenario: { kind: 'billing', billing } }
  }

const firstWith =
  (status: string): Pick =>
  (state) =>
    state.invoices.find((i) => i.status === status) ?? state.invoices[0]!

const meta: Meta<InvoiceDetailArgs> = {
  title: 'Elements/Invoice detail',
  component: 'portico-invoice-detail',
  argTypes: { scenario: { table: { disable: true } } },
  args: { scenario: invoice(firstWith('open')) },
  render: ({ scenario }, { globals }) => {
    const locale = localeOf(globals)
    const { scenario: answers, invoiceId } = scenario(locale)
    return html`
      <portico-invoice-detail
        .client=${fakePortalClient(answers)}
        locale=${locale}
        invoice-id=${invoiceId}
        @portico-invoice-pay=${(event: CustomEvent) =>
          console.info('portico-invoice-pay', event.detail)}
        @portico-document-open=${(event: CustomEvent) => {
          // The fake link leads nowhere: show it instead of following it.
          event.preventDefault()
          console.info('portico-document-open', event.detail)
        }}
      ></portico-invoice-detail>
    `
  },
}

export default meta
type Story = StoryObj<InvoiceDetailArgs>

/** Open and not yet due: lines, tax, totals, nothing paid, no documents yet, "Pay invoice". */
export const Ready: Story = {}

/** Part paid through the portal: the payment in the history, the balance still open. */
export const PartiallyPaid: Story = {
  args: {
    scenario: invoice(firstWith('open'), (state, id) => {
      const index = state.invoices.findIndex((i) => i.id === id)
      const open = state.invoices[index]!
      const paid = Math.round(open.total / 3)
      state.invoices[index] = {
        ...open,
        status: 'partially_paid',
        amountPaid: paid,
        amountDue: open.total - paid,
      }
      return {
        payments: [
          fakePayment(open, Math.round(open.total / 4), 1, 'failed'),
          fakePayment(open, paid, 3),
        ],
      }
    }),
  },
}

/** Past due: the balance is what needs action. */
export const Overdue: Story = { args: { scenario: invoice(firstWith('overdue')) } }

/** Paid in full: the payment in the history, no Pay button. */
export const Paid: Story = {
  args: {
    scenario: invoice(firstWith('paid'), (state, id) => {
      const paid = state.invoices.find((i) => i.id === id)!
      return { payments: [fakePayment(paid, paid.total, 12)] }
    }),
  },
}

/** The tax invoice and the delivery order the ERP attached, each downloadable. */
export const WithDocuments: Story = {
  args: {
    scenario: invoice(firstWith('open'), (state, id) => ({
      documents: fakeDocuments(state.invoices.find((i) => i.id === id)!),
    })),
  },
}

/** A credential that may read invoices, but not payments or documents. */
export const SectionsForbidden: Story = {
  args: {
    scenario: invoice(firstWith('open'), () => ({ permissions: ['invoices:read'] })),
  },
}

/** Waiting for the API. */
export const Loading: Story = {
  args: { scenario: () => ({ invoiceId: 'inv_any', scenario: { kind: 'pending' } }) },
}

/** The API failed: a retry, and a reference to quote. */
export const LoadError: Story = {
  name: 'Error',
  args: {
    scenario: () => ({ invoiceId: 'inv_any', scenario: { kind: 'problem', status: 500 } }),
  },
}

/** The credential may not read invoices. */
export const Forbidden: Story = {
  args: {
    scenario: () => ({ invoiceId: 'inv_any', scenario: { kind: 'problem', status: 403 } }),
  },
}

/** An unknown id, or another account's. */
export const NotFound: Story = {
  args: {
    scenario: (locale) => ({
      invoiceId: 'inv_unknown',
      scenario: invoice(firstWith('open'))(locale).scenario,
    }),
  },
}

/** The embed session or sign-in expired (401). */
export const Unauthorized: Story = {
  args: {
    scenario: () => ({ invoiceId: 'inv_any', scenario: { kind: 'problem', status: 401 } }),
  },
}
