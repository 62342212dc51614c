import '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html, nothing } from 'lit'
import { fakeCasesState } from '../fake-api/fake-cases.js'
import { fakePortalClient } from '../fake-api/fake-portico-api.js'
import { localeOf } from './story-helpers.js'

interface CaseFormArgs {
  orderId: string
  invoiceId: string
  category: string
  permissions: string[]
}

const meta: Meta<CaseFormArgs> = {
  title: 'Elements/Case form',
  component: 'portico-case-form',
  argTypes: { permissions: { table: { disable: true } } },
  args: {
    orderId: '',
    invoiceId: '',
    category: 'question',
    permissions: ['cases:read', 'cases:write'],
  },
  render: ({ orderId, invoiceId, category, permissions }, { globals }) =>
    html`<portico-case-form
      .client=${fakePortalClient({ kind: 'cases', cases: fakeCasesState([], permissions) })}
      locale=${localeOf(globals)}
      order-id=${orderId || nothing}
      invoice-id=${invoiceId || nothing}
      category=${category}
      @portico-case-created=${(event: CustomEvent) => console.info('portico-case-created', event.detail)}
    ></portico-case-form>`,
}
export default meta

type Story = StoryObj<CaseFormArgs>

export const Blank: Story = {}
/** Opened from an order's "Report a problem": about the order, a delivery case. */
export const FromAnOrder: Story = { args: { orderId: 'ord_fake1', category: 'delivery' } }
/** Quality / RMA: batch, quantity affected, return requested. */
export const QualityRma: Story = { args: { category: 'quality' } }
export const FromAnInvoice: Story = { args: { invoiceId: 'inv_fake1', category: 'billing' } }
/** A viewer: submitting says they may not raise cases. */
export const Forbidden: Story = { args: { permissions: ['cases:read'] } }
