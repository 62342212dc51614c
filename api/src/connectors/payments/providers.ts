import type { Config } from '../../config.js'
import { MidtransNotificationBody, MidtransPaymentProvider } from './midtrans.js'
import type { PaymentProvider } from './payment-provider.js'
import { SandboxPaymentProvider, SandboxWebhookBody } from './sandbox.js'

/**
 * Every payment provider Portico ships: how to build it from the
 * configuration, and its webhook body (for the API reference). A new
 * provider is a file implementing PaymentProvider and a line here.
 */
export const PAYMENT_PROVIDERS = {
  sandbox: {
    create: (config: Config) =>
      new SandboxPaymentProvider({
        secret: config.sandboxPaymentSecret,
        publicOrigin: config.publicOrigin,
      }),
    webhookBody: SandboxWebhookBody,
  },
  midtrans: {
    create: (config: Config) =>
      new MidtransPaymentProvider({
        serverKey: config.midtransServerKey ?? '',
        snapUrl: config.midtransSnapUrl,
      }),
    webhookBody: MidtransNotificationBody,
  },
} as const

/** The provider `PORTICO_PAYMENT_PROVIDER` names; undefined when payments are off (`none`). */
export function paymentProviderFor(config: Config): PaymentProvider | undefined {
  return config.paymentProvider === 'none'
    ? undefined
    : PAYMENT_PROVIDERS[config.paymentProvider].create(config)
}
