import '@portico/elements'
import {
  quickOrderCatalogue,
  type PorticoQuickOrder,
  type QuickOrderMessages,
} from '@portico/elements'
import type { Meta, StoryObj } from '@storybook/web-components-vite'
import { html } from 'lit'
import { ref } from 'lit/directives/ref.js'
import { fakePortalClient, type FakeScenario } from '../fake-api/fake-portico-api.js'
import { fakeCredit, rolePermissions, type FakeOrderingState } from '../fake-api/fake-ordering.js'
import { localeOf, messagesIn, orderingState, whenCatalogLoaded } from './story-helpers.js'

type Steps = (element: PorticoQuickOrder) => Promise<void> | void

interface QuickOrderArgs {
  pageSize: number
  /** What the fake API answers. */
  scenario: (locale: string) => FakeScenario
  /** What a person has done before the screenshot: typed quantities, reviewed, placed. */
  steps?: Steps
}

const portal =
  (
    changes?: (state: FakeOrderingState) => Partial<FakeOrderingState>,
  ): QuickOrderArgs['scenario'] =>
  (locale) => ({ kind: 'portal', ordering: orderingState(locale, changes) })

/** Puts valid quantities on the first `count` products: 3× their first valid quantity. */
function orderSome(element: PorticoQuickOrder, count = 2, factor = 3) {
  for (const product of element.controller.catalog.items.slice(0, count)) {
    const first =
      Math.ceil(product.minOrderQuantity / product.orderMultiple) * product.orderMultiple
    element.controller.setQuantity(product, String(first * factor))
  }
}

/** Types a quantity that breaks the rules of the first product with a minimum above 1. */
function orderTooFew(element: PorticoQuickOrder) {
  const product = element.controller.catalog.items.find((p) => p.minOrderQuantity > 1)
  if (product) element.controller.setQuantity(product, String(product.minOrderQuantity - 1 || 1))
}

const meta: Meta<QuickOrderArgs> = {
  title: 'Elements/Quick order',
  component: 'portico-quick-order',
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: '`page-size`' },
    scenario: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { pageSize: 10, scenario: portal() },
  loaders: [messagesIn(quickOrderCatalogue)],
  render: ({ pageSize, scenario, steps }, { globals, loaded }) => {
    const locale = localeOf(globals)
    const title = (loaded.messages as QuickOrderMessages).products
    return html`
      <portico-quick-order
        .client=${fakePortalClient(scenario(locale))}
        locale=${locale}
        page-size=${pageSize}
        ${ref(steps ? whenCatalogLoaded(steps) : undefined)}
        @portico-order-placed=${(event: CustomEvent) =>
          console.info('portico-order-placed', event.detail.order)}
      >
        <h2 slot="header">${title}</h2>
      </portico-quick-order>
    `
  },
}

export default meta
type Story = StoryObj<QuickOrderArgs>

/** The catalog at the buyer's contracted prices, with quantity breaks and the credit position. */
export const Catalog: Story = {}

/** Two lines on the order and one quantity below its minimum, explained next to the field. */
export const WithLines: Story = {
  args: {
    steps: (element) => {
      orderSome(element, 2)
      orderTooFew(element)
    },
  },
}

/** More than the available credit, tax included: the summary shows by how much, and review is unavailable. */
export const OverCredit: Story = {
  args: {
    scenario: portal(({ account }) => ({ credit: fakeCredit(account, account.typicalTotal / 8) })),
    steps: (element) => orderSome(element, 3, 6),
  },
}

/** The confirmation step: lines, subtotal, tax and total; PO number, delivery date and address, note. */
export const Review: Story = {
  args: {
    steps: (element) => {
      orderSome(element, 3)
      element.controller.review()
    },
  },
}

/** Delivering elsewhere: the address fields, and what "Place order" says when some are missing. */
export const ReviewAnotherAddress: Story = {
  args: {
    steps: async (element) => {
      orderSome(element, 2)
      element.controller.review()
      element.controller.setDetails({
        poNumber: 'PO-88213',
        deliverTo: 'other',
        address: {
          name: 'Goods receiving, plant 2',
          line1: 'Dock 4',
          country: new Intl.Locale(element.locale ?? 'en').maximize().region ?? '',
        },
      })
      await element.updateComplete
      element.shadowRoot!.querySelector<HTMLElement>('[part~="place-button"]')!.click()
    },
  },
}

/** Placed: the order number, and where to go next. */
export const Placed: Story = {
  args: {
    steps: async (element) => {
      orderSome(element, 2)
      element.controller.review()
      const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000)
      await element.controller.place({
        poNumber: 'PO-88213',
        requestedDate: inTwoWeeks.toISOString().slice(0, 10),
      })
    },
  },
}

/** The API refused a line (the contract changed since the page loaded): it is marked in the review. */
export const RefusedLine: Story = {
  args: {
    scenario: portal(() => ({
      refuseOrders: {
        status: 422,
        code: 'order_lines_invalid',
        detail: 'Some lines cannot be ordered.',
        errors: [
          {
            field: 'body.lines.1.productId',
            message: 'Not on your price list',
            code: 'product_not_orderable',
          },
        ],
      },
    })),
    steps: async (element) => {
      orderSome(element, 2)
      element.controller.review()
      await element.controller.place()
    },
  },
}

/**
 * The order fitted when it was reviewed, but another order took the credit
 * meanwhile: the API's 422 names what is left, and the credit is read again.
 */
export const CreditChangedMeanwhile: Story = {
  args: {
    scenario: portal(({ credit }) => ({ spentMeanwhile: credit.available - 1 })),
    steps: async (element) => {
      orderSome(element, 1)
      element.controller.review()
      await element.controller.place()
    },
  },
}

/** The account is on credit hold: prices show, ordering is blocked, with the reason. */
export const CreditHold: Story = {
  args: {
    scenario: portal(({ account }) => ({
      credit: fakeCredit(account, 0, 'Overdue balance over 60 days'),
    })),
  },
}

/** A viewer (no `orders:write`): the prices, and that their role cannot order. */
export const ViewerRole: Story = {
  args: { scenario: portal(() => ({ permissions: rolePermissions.viewer })) },
}

/** Nothing matches the search. */
export const NoResults: Story = {
  args: {
    steps: async (element) => {
      const input = element.shadowRoot!.querySelector<HTMLInputElement>('#search')!
      input.value = 'titanium'
      input.dispatchEvent(new InputEvent('input'))
      await element.controller.catalog.search('titanium')
    },
  },
}

/** Waiting for the API: a skeleton shaped like the product table. */
export const Loading: Story = {
  args: { scenario: () => ({ kind: 'pending' }) },
}

/** The API failed (a 503): the request id helps support, Retry tries again. */
export const LoadError: Story = {
  name: 'Error',
  args: { scenario: () => ({ kind: 'problem', status: 503 }) },
}

/** The embed session or sign-in expired (401). */
export const Unauthorized: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 401 }) },
}

/** The credential may not read the catalog (403). */
export const Forbidden: Story = {
  args: { scenario: () => ({ kind: 'problem', status: 403 }) },
}
