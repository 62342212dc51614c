import type { Kysely } from 'kysely'
import type { Config } from '../config.js'
import type { CaseConnector } from '../connectors/crm/case-connector.js'
import type { DocumentStore } from '../connectors/storage/index.js'
import type {
  PaymentNotification,
  PaymentProvider,
} from '../connectors/payments/payment-provider.js'
import type { Database } from '../db/schema.js'
import type { EventHub } from '../events/event-hub.js'
import type { Clock } from '../lib/clock.js'
import type { PriceCache } from '../modules/catalog/price-cache.js'
import type { Logger } from '../lib/logger.js'
import type { Principal } from './principal.js'

/** What createApp() receives: every I/O dependency, injected. */
export interface AppDeps {
  db: Kysely<Database>
  config: Config
  clock: Clock
  logger: Logger
  /** Delivers committed events to this app's open event streams. */
  eventHub: EventHub
  /** Where document bytes live (filesystem or S3-compatible). */
  documents: DocumentStore
  /** Who takes the money; by default the one `PORTICO_PAYMENT_PROVIDER` names. */
  paymentProvider?: PaymentProvider
  /** The system of record for support cases; by default the built-in store. */
  caseConnector?: CaseConnector
}

/** Hono's typed context variables, set by the middleware in ./. */
export interface AppEnv {
  Variables: {
    deps: AppDeps
    /**
     * The request's database handle: inside an authorized user's request
     * (see ./request-transaction.ts) the transaction scoped to their account,
     * otherwise `deps.db`.
     */
    db: Kysely<Database>
    /** Contracted prices, cached per account (5 min TTL, invalidated by the ERP). */
    prices: PriceCache
    logger: Logger
    requestId: string
    principal: Principal
    /** Set when the request came through a validated embed session: the CORS origin to echo. */
    corsOrigin: string | undefined
    /** Set by the validation hook, so idempotency stores nothing for a rejected request. */
    validationFailed: boolean
    /** The configured payment provider; undefined when payments are off. */
    paymentProvider: PaymentProvider | undefined
    /** Where support cases are kept (see connectors/crm/case-connector.ts). */
    caseConnector: CaseConnector
    /** A payment webhook, verified by its provider (see modules/payments/webhooks.routes.ts). */
    paymentNotification: PaymentNotification
  }
}
