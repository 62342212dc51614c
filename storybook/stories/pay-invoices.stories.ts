import '@portico/elements'
import type { PorticoPayInvoices } from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { ref } from 'lit/directives/ref.js'
import {
  accountsPayablePermissions,
  fakeBillingState,
  fakePayment,
  type FakeBillingState,
} from '../fake-api/fake-billing.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { accountByLocale, localeOf } from './story-helpers.js'

interface PayInvoicesArgs {
  /** What the fake API answers, which invoices to preselect, which payment to follow. */
  scenario: (locale: string) => {
    scenario: FakeScenario
    invoiceIds?: string[]
    paymentId?: string
  }
  /** Something a person did once the invoices showed. */
  steps?: (element: PorticoPayInvoices) => Promise<void> | void
}

/** The first open invoices of the locale's account, preselected; `tailor` changes the state. */
const selecting =
  (
    count = 2,
    tailor: (state: FakeBillingState) => Partial<FakeBillingState> = () => ({}),
  ): PayInvoicesArgs['scenario'] =>
  (locale) => {
    const billing = fakeBillingState(accountByLocale[locale]!, tailor)
    const open = billing.invoices.filter((i) => i.amountDue > 0 && i.status !== 'void')
    return {
      invoiceIds: open.slice(0, count).map((i) => i.id),
      scenario: { kind: 'billing', billing },
    }
  }

/** Back from the provider with a payment the fake provider settles as `status` after `afterMs`. */
const returning =
  (
    status: 'succeeded' | 'failed' | 'cancelled' | 'expired',
    afterMs = 0,
  ): PayInvoicesArgs['scenario'] =>
  (locale) => {
    let paymentId = ''
    const billing = fakeBillingState(accountByLocale[locale]!, (state) => {
      const [first, second] = state.invoices.filter((i) => i.amountDue > 0 && i.status !== 'void')
      const payment = fakePayment(first!, first!.amountDue, 0, 'pending')
      payment.id = 'pay_fakereturn0001'
      payment.createdAt = new Date().toISOString()
      payment.amount += 10_000
      payment.allocations.push({
        invoiceId: second!.id,
        invoiceNumber: second!.number,
        amount: 10_000,
      })
      paymentId = payment.id
      return { payments: [payment], settle: { afterMs, status } }
    })
    return { paymentId, scenario: { kind: 'billing', billing } }
  }

/** Marks the element pending until `steps` ran on the loaded selection (for screenshots). */
function afterLoad(steps: NonNullable<PayInvoicesArgs['steps']>) {
  return (element?: Element) => {
    if (!(element instanceof HTMLElement) || element.dataset.storyPrepared) return
    const pay = element as PorticoPayInvoices
    pay.dataset.storyPrepared = 'true'
    pay.dataset.storyPending = 'true'
    void (async () => {
      while (pay.controller.state !== 'select') await new Promise((r) => setTimeout(r, 50))
      await pay.updateComplete
      await steps(pay)
      await pay.updateComplete
      delete pay.dataset.storyPending
    })()
  }
}

/** Types into the n-th amount field, as a person would. */
const typeAmount = (pay: PorticoPayInvoices, index: number, text: string) => {
  const input = pay.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="amount-input"]')[index]!
  input.value = text
  input.dispatchEvent(new InputEvent('input'))
  input.dispatchEvent(new FocusEvent('blur'))
}

const review = (pay: PorticoPayInvoices) =>
  pay.shadowRoot!.querySelector<HTMLButtonElement>('[part~="review-button"]')!.click()

const meta: Meta<PayInvoicesArgs> = {
  title: 'Elements/Pay invoices',
  component: 'portico-pay-invoices',
  argTypes: { scenario: { table: { disable: true } }, steps: { table: { disable: true } } },
  args: { scenario: selecting() },
  render: ({ scenario, steps }, { globals }) => {
    const locale = localeOf(globals)
    const { scenario: answers, invoiceIds = [], paymentId } = scenario(locale)
    return html`
      <portico-pay-invoices
        .client=${fakePortalClient(answers)}
        locale=${locale}
        invoices=${invoiceIds.join(',')}
        payment-id=${paymentId ?? ''}
        return-url="https://portal.example.test/pay"
        ${ref(steps ? afterLoad(steps) : undefined)}
        @portico-payment-redirect=${(event: CustomEvent) => {
          // The fake provider has no page: show where the customer would go instead.
          event.preventDefault()
          console.info('portico-payment-redirect', event.detail)
        }}
        @portico-payment-complete=${(event: CustomEvent) =>
          console.info('portico-payment-complete', event.detail)}
      >
        <a slot="done" href="#invoices">Back to your invoices</a>
      </portico-pay-invoices>
    `
  },
}

export default meta
type Story = StoryObj<PayInvoicesArgs>

/** Two invoices chosen from the list, each in full: the balance by default. */
export const Select: Story = {}

/** One in full, one in part: what stays open is said under the amount. */
export const PartialAmount: Story = {
  args: { steps: (pay) => typeAmount(pay, 1, '100') },
}

/** Zero, and more than the balance: refused as typed, each field saying why. */
export const InvalidAmounts: Story = {
  args: {
    steps: async (pay) => {
      typeAmount(pay, 0, '0')
      typeAmount(pay, 1, '99999999')
      await pay.updateComplete
      review(pay)
    },
  },
}

/** The confirmation: invoices, amounts, the total, and Pay. */
export const PayConfirmation: Story = {
  args: { steps: (pay) => review(pay) },
}

/** The balance changed meanwhile: the API's 422, by the field it concerns. */
export const BalanceChanged: Story = {
  args: {
    scenario: selecting(1, () => ({
      refusePayments: {
        status: 422,
        code: 'amount_exceeds_balance',
        detail: 'Some amounts exceed what is open.',
        fieldMessage: 'At most €1,200.00 (the open balance of INV-2026-04200) can be paid',
      },
    })),
    steps: async (pay) => {
      review(pay)
      await pay.updateComplete
      pay.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pay-button"]')!.click()
      while (pay.controller.state !== 'select') await new Promise((r) => setTimeout(r, 50))
    },
  },
}

/** The provider could not be reached: try again, it won't charge twice. */
export const ProviderUnavailable: Story = {
  args: {
    scenario: selecting(1, () => ({
      refusePayments: {
        status: 502,
        code: 'payment_provider_unavailable',
        detail: 'The payment provider could not be reached.',
      },
    })),
    steps: async (pay) => {
      review(pay)
      await pay.updateComplete
      pay.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pay-button"]')!.click()
      while (!pay.controller.payError) await new Promise((r) => setTimeout(r, 50))
    },
  },
}

/** Back from the provider, its webhook not in yet: checking, by itself. */
export const Processing: Story = { args: { scenario: returning('succeeded', 60 * 60_000) } }

/** Back from the provider, which reports the payment after 3 s: processing, then received. */
export const ProcessingThenSucceeded: Story = { args: { scenario: returning('succeeded', 3000) } }

/** The provider reported the payment received. */
export const Succeeded: Story = { args: { scenario: returning('succeeded') } }

/** The provider (or the bank) declined it: nothing charged, try again. */
export const Failed: Story = { args: { scenario: returning('failed') } }

/** The customer left the provider's page. */
export const Cancelled: Story = { args: { scenario: returning('cancelled') } }

/** The provider's page was open too long. */
export const Expired: Story = { args: { scenario: returning('expired') } }

/** Nothing open to pay. */
export const Empty: Story = {
  args: {
    scenario: selecting(0, (state) => ({
      invoices: state.invoices.filter((i) => i.status === 'paid' || i.status === 'void'),
    })),
  },
}

/** Looking is not paying: a role without `payments:write`. */
export const Forbidden: Story = {
  args: {
    scenario: selecting(0, () => ({
      permissions: accountsPayablePermissions.filter((p) => p !== 'payments:write'),
    })),
  },
}

/** Waiting for the API. */
export const Loading: Story = { args: { scenario: () => ({ scenario: { kind: 'pending' } }) } }

/** The API failed: a retry, and a reference to quote. */
export const LoadError: Story = {
  name: 'Error',
  args: { scenario: () => ({ scenario: { kind: 'problem', status: 500 } }) },
}

/** The embed session or sign-in expired (401). */
export const Unauthorized: Story = {
  args: { scenario: () => ({ scenario: { kind: 'problem', status: 401 } }) },
}
