import '@portico/elements'
import {
  orderListCatalogue,
  type OrderListMessages,
  type OrderStatusFilter,
} from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { fakeOrders } from '../fake-api/fake-ordering.js'
import { accountByLocale, localeOf, messagesIn, orderingState } from './story-helpers.js'

interface OrderListArgs {
  status: OrderStatusFilter
  pageSize: number
  /** What the fake API answers. */
  scenario: (locale: string) => FakeScenario
}

const meta: Meta<OrderListArgs> = {
  title: 'Elements/Order list',
  component: 'portico-order-list',
  argTypes: {
    status: {
      control: 'select',
      options: [
        'all',
        'placed',
        'confirmed',
        'in_production',
        'partially_shipped',
        'shipped',
        'delivered',
        'cancelled',
        'rejected',
      ],
      description: 'The `status` attribute: which orders to show.',
    },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: '`page-size`' },
    scenario: { table: { disable: true } },
  },
  args: {
    status: 'all',
    pageSize: 10,
    scenario: (locale) => ({ kind: 'portal', ordering: orderingState(locale) }),
  },
  loaders: [messagesIn(orderListCatalogue)],
  render: ({ status, pageSize, scenario }, { globals, loaded }) => {
    const locale = localeOf(globals)
    return html`
      <portico-order-list
        .client=${fakePortalClient(scenario(locale))}
        locale=${locale}
        status=${status}
        page-size=${pageSize}
        @portico-order-select=${(event: CustomEvent) =>
          console.info('portico-order-select', event.detail.order)}
      >
        <h2 slot="header">${(loaded.messages as OrderListMessages).orders}</h2>
      </portico-order-list>
    `
  },
}

export default meta
type Story = StoryObj<OrderListArgs>

/** The account's orders at every stage, newest first, with more to load. */
export const Loaded: Story = {}

/** Only orders on the road. */
export const FilteredShipped: Story = { args: { status: 'partially_shipped' } }

/**
 * Live: the newest order is confirmed, made, shipped and delivered by a fake
 * ERP while you watch; each change is announced politely.
 */
export const Live: Story = {
  args: {
    scenario: (locale) => {
      const ordering = orderingState(locale)
      return { kind: 'portal', ordering, live: { orderId: ordering.orders[0]!.id, stepMs: 2500 } }
    },
  },
}

/** Waiting for the API: a skeleton shaped like the table. */
export const Loading: Story = { args: { scenario: () => ({ kind: 'pending' }) } }

/** A new customer without orders. */
export const Empty: Story = {
  args: {
    scenario: (locale) => ({
      kind: 'portal',
      ordering: orderingState(locale, () => ({ orders: [] })),
    }),
  },
}

/** A filter no order matches. */
export const EmptyFiltered: Story = {
  args: {
    status: 'rejected',
    scenario: (locale) => ({
      kind: 'portal',
      ordering: orderingState(locale, ({ account }) => ({ orders: fakeOrders(account, 6) })),
    }),
  },
}

/** The API failed (a 503): the request id helps support. */
export const LoadError: Story = {
  name: 'Error',
  args: { scenario: () => ({ kind: 'problem', status: 503 }) },
}

/** The embed session or sign-in expired (401). */
export const Unauthorized: Story = { args: { scenario: () => ({ kind: 'problem', status: 401 }) } }

/** The role may not see orders (403). */
export const Forbidden: Story = { args: { scenario: () => ({ kind: 'problem', status: 403 }) } }

/** 60 orders, 20 per page. */
export const LongListWithLoadMore: Story = {
  args: {
    pageSize: 20,
    scenario: (locale) => ({
      kind: 'portal',
      latencyMs: 600,
      ordering: orderingState(locale, () => ({ orders: fakeOrders(accountByLocale[locale]!, 60) })),
    }),
  },
}
