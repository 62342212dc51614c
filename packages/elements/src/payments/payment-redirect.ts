import type { Payment } from '../portal-client.js'

/** `detail` of `portico-payment-redirect`. */
export interface PaymentRedirectDetail {
  payment: Payment
  /** The provider's page. */
  url: string
}

export type PaymentRedirectEvent = CustomEvent<PaymentRedirectDetail>

/**
 * Sends the person to a payment's page at the provider: fires the
 * cancelable `portico-payment-redirect` from `host` first, so a host page
 * can open the provider its own way (a popup, a new tab, its router).
 */
export function redirectToPayment(host: HTMLElement, payment: Payment, url: string): void {
  const redirect = new CustomEvent<PaymentRedirectDetail>('portico-payment-redirect', {
    detail: { payment, url },
    bubbles: true,
    composed: true,
    cancelable: true,
  })
  if (host.dispatchEvent(redirect)) window.location.assign(url)
}
