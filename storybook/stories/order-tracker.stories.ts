import '@portico/elements'
import type { PorticoOrderTracker } from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { ref } from 'lit/directives/ref.js'
import type { Schemas } from '@portico/sdk'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { fakeOrder } from '../fake-api/fake-ordering.js'
import { accountByLocale, localeOf, orderingState } from './story-helpers.js'

type OrderStatus = Schemas['OrderStatus']

interface OrderTrackerArgs {
  /** What the fake API answers, and which order to show. */
  scenario: (locale: string) => { scenario: FakeScenario; orderId: string }
  /** Something a person did once the order showed. */
  steps?: (tracker: PorticoOrderTracker) => Promise<void> | void
}

/** One order at `status`, the only one in the account. */
const orderAt =
  (status: OrderStatus, reason?: string, live = false): OrderTrackerArgs['scenario'] =>
  (locale) => {
    const account = accountByLocale[locale]!
    const order = fakeOrder(account, {
      index: 7,
      status,
      ageDays: status === 'placed' ? 0.05 : 9,
      ...(reason ? { reason } : {}),
    })
    const ordering = orderingState(locale, () => ({ orders: [order] }))
    return {
      orderId: order.id,
      scenario: {
        kind: 'portal',
        ordering,
        ...(live ? { live: { orderId: order.id, stepMs: 2500 } } : {}),
      },
    }
  }

/** Marks the tracker pending until `steps` ran on the loaded order (for screenshots). */
function afterLoad(steps: NonNullable<OrderTrackerArgs['steps']>) {
  return (element?: Element) => {
    if (!(element instanceof HTMLElement) || element.dataset.storyPrepared) return
    const tracker = element as PorticoOrderTracker
    tracker.dataset.storyPrepared = 'true'
    tracker.dataset.storyPending = 'true'
    void (async () => {
      while (tracker.controller.state !== 'ready') await new Promise((r) => setTimeout(r, 50))
      await tracker.updateComplete
      await steps(tracker)
      await tracker.updateComplete
      delete tracker.dataset.storyPending
    })()
  }
}

const meta: Meta<OrderTrackerArgs> = {
  title: 'Elements/Order tracker',
  component: 'portico-order-tracker',
  argTypes: { scenario: { table: { disable: true } }, steps: { table: { disable: true } } },
  args: { scenario: orderAt('partially_shipped') },
  render: ({ scenario, steps }, { globals }) => {
    const locale = localeOf(globals)
    const { scenario: answers, orderId } = scenario(locale)
    return html`
      <portico-order-tracker
        .client=${fakePortalClient(answers)}
        locale=${locale}
        order-id=${orderId}
        ${ref(steps ? afterLoad(steps) : undefined)}
        @portico-order-status-change=${(event: CustomEvent) =>
          console.info('portico-order-status-change', event.detail)}
      ></portico-order-tracker>
    `
  },
}

export default meta
type Story = StoryObj<OrderTrackerArgs>

/** Half of it is on the road: one shipment with a tracking link, shipped quantities per line. */
export const PartiallyShipped: Story = {}

/** Just placed: nothing confirmed yet, so it can still be cancelled. */
export const Placed: Story = { args: { scenario: orderAt('placed') } }

/** Confirmed by the supplier's ERP and being made. */
export const InProduction: Story = { args: { scenario: orderAt('in_production') } }

/** Every step done, both shipments delivered. */
export const Delivered: Story = { args: { scenario: orderAt('delivered') } }

/** Cancelled by the customer before confirmation, with the reason given. */
export const Cancelled: Story = { args: { scenario: orderAt('cancelled', 'Ordered twice') } }

/** Rejected by the supplier after confirmation, with the reason. */
export const Rejected: Story = {
  args: { scenario: orderAt('rejected', 'Grade discontinued by the mill') },
}

/**
 * Live: a fake ERP confirms, makes, ships (in two parts) and delivers the
 * order, one step every 2.5 s; the page follows without a reload and
 * announces each status.
 */
export const Live: Story = { args: { scenario: orderAt('placed', undefined, true) } }

/** "Cancel order" asks first, in a modal dialog; "Keep order" has focus. */
export const CancelDialog: Story = {
  args: {
    scenario: orderAt('placed'),
    steps: (tracker) =>
      tracker.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel-button"]')!.click(),
  },
}

/** The supplier confirmed the order meanwhile: the API's 409, explained. */
export const CancelRefused: Story = {
  args: {
    scenario: orderAt('confirmed'),
    steps: (tracker) => {
      tracker.controller.cancelError = {
        status: 409,
        problem: {
          type: 'https://portico.dev/problems/order_not_cancellable',
          title: 'Conflict',
          status: 409,
          code: 'order_not_cancellable',
          detail: 'The order has already been confirmed.',
          requestId: 'req_fake',
        },
      }
      tracker.requestUpdate()
    },
  },
}

/** Waiting for the API. */
export const Loading: Story = {
  args: { scenario: () => ({ scenario: { kind: 'pending' }, orderId: 'ord_fake000007' }) },
}

/** No such order, or another account's. */
export const NotFound: Story = {
  args: {
    scenario: (locale) => ({
      scenario: { kind: 'portal', ordering: orderingState(locale) },
      orderId: 'ord_doesnotexist',
    }),
  },
}

/** The API failed (a 503). */
export const LoadError: Story = {
  name: 'Error',
  args: {
    scenario: () => ({ scenario: { kind: 'problem', status: 503 }, orderId: 'ord_fake000007' }),
  },
}

/** The embed session or sign-in expired (401). */
export const Unauthorized: Story = {
  args: {
    scenario: () => ({ scenario: { kind: 'problem', status: 401 }, orderId: 'ord_fake000007' }),
  },
}

/** The role may not see orders (403). */
export const Forbidden: Story = {
  args: {
    scenario: () => ({ scenario: { kind: 'problem', status: 403 }, orderId: 'ord_fake000007' }),
  },
}
