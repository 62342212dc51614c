/**
 * What the ordering stories share: the demo account each locale shows, a
 * fresh fake ordering state per render, and a way to put an element into a
 * state a person would reach by typing (quantities, a review, a placed order).
 */
import { resolveLocale, type Catalogue, type PorticoQuickOrder } from '@portico/elements'
import { fakeAccounts, type FakeAccount } from '../fake-api/fake-portico-api.js'
import {
  fakeCatalog,
  fakeCredit,
  fakeOrders,
  rolePermissions,
  type FakeOrderingState,
} from '../fake-api/fake-ordering.js'

/** Each locale shows the demo account that would really use it. */
export const accountByLocale: Record<string, FakeAccount> = {
  en: fakeAccounts.cascade,
  de: fakeAccounts.brandt,
  fr: fakeAccounts.lyon,
  it: fakeAccounts.torino,
  id: fakeAccounts.sinarjaya,
}

export function localeOf(globals: Record<string, unknown>): string {
  return (globals.locale as string | undefined) ?? 'en'
}

/**
 * A story loader giving `loaded.messages`: an element's messages in the
 * story's language, for the headings a host page would write around it.
 * (Every language but English loads on demand.)
 */
export function messagesIn<M extends object>(catalogue: Catalogue<M>) {
  return async ({ globals }: { globals: Record<string, unknown> }) => ({
    messages: await catalogue.load(resolveLocale(localeOf(globals)).language),
  })
}

/** A buyer's ordering state for the locale's account; `changes` tailors it. */
export function orderingState(
  locale: string,
  changes: (state: FakeOrderingState) => Partial<FakeOrderingState> = () => ({}),
): FakeOrderingState {
  const account = accountByLocale[locale] ?? fakeAccounts.cascade
  const state: FakeOrderingState = {
    account,
    catalog: fakeCatalog(account),
    credit: fakeCredit(account, account.typicalTotal * 4),
    permissions: rolePermissions.buyer,
    orders: fakeOrders(account, 11),
  }
  return { ...state, ...changes(state) }
}

/**
 * Runs `steps` on the element once its catalog has loaded, and marks it
 * `data-story-pending` until then, so screenshots wait for the state.
 */
export function whenCatalogLoaded(steps: (element: PorticoQuickOrder) => Promise<void> | void) {
  return (element?: Element) => {
    if (!(element instanceof HTMLElement) || element.dataset.storyPrepared) return
    const quickOrder = element as PorticoQuickOrder
    quickOrder.dataset.storyPrepared = 'true'
    quickOrder.dataset.storyPending = 'true'
    const wait = async () => {
      while (['idle', 'loading'].includes(quickOrder.controller.catalog.state))
        await new Promise((resolve) => setTimeout(resolve, 50))
      await steps(quickOrder)
      await quickOrder.updateComplete
      delete quickOrder.dataset.storyPending
    }
    void wait()
  }
}

/** Sets quantities by SKU, as if typed. */
export function typeQuantities(element: PorticoQuickOrder, quantities: Record<string, string>) {
  for (const [sku, quantity] of Object.entries(quantities)) {
    const product = element.controller.catalog.items.find((p) => p.sku === sku)
    if (product) element.controller.setQuantity(product, quantity)
  }
}

/** The SKUs of the locale's catalog, to pick from in stories. */
export function skus(locale: string): string[] {
  return fakeCatalog(accountByLocale[locale] ?? fakeAccounts.cascade).map((p) => p.sku)
}
