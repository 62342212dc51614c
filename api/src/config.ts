import { dirname, join } from 'node:path'
import { z } from 'zod'
import { businessDayMinutes, parseBusinessHours, type BusinessHours } from './lib/business-hours.js'

/**
 * Every setting Portico reads from the environment, parsed in one place.
 * Documented in the README ("Configuration"); unknown variables are ignored.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** The values an org adds for Portico: the standard New / Working / Closed plus two. */
const DEFAULT_SALESFORCE_CASE_STATUSES =
  'new=New,open=Working,waiting_on_customer=Waiting on Customer,resolved=Resolved,closed=Closed'

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  /**
   * `file:./data/portico.db` (embedded SQLite) or `postgres://…`. On
   * PostgreSQL this is the API's own role, which row-level security binds: it
   * must not be a superuser, have BYPASSRLS or own the tables.
   */
  DATABASE_URL: z.string().default('file:./data/portico.db'),
  /** PostgreSQL only: the role that owns the schema, for migrations and the demo seed. */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** PostgreSQL only: connections per API process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * Signs pagination cursors and other server-issued opaque values. Must be set
   * (≥ 32 characters) in production so every replica shares it.
   */
  PORTICO_SECRET: z.string().min(32).optional(),
  /** Seed the demo accounts when the database is empty. */
  PORTICO_SEED_DEMO: booleanFlag.default(true),
  /** The operator API key the demo seed creates (only used when seeding). */
  PORTICO_DEMO_OPERATOR_KEY: z.string().startsWith('sk_').default('sk_demo_portico_operator_key'),
  /** Folder holding the built shell app served at `/`. Empty disables it. */
  PORTICO_SHELL_DIR: z.string().optional(),
  /** Folder holding the built elements CDN bundle served at `/cdn/`. */
  PORTICO_CDN_DIR: z.string().optional(),
  /** Mark the session cookie `Secure` (set behind HTTPS). */
  PORTICO_COOKIE_SECURE: booleanFlag.optional(),
  /** Largest request body accepted, in bytes. */
  PORTICO_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Largest document upload (multipart body) accepted, in bytes; 413 above. */
  PORTICO_UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(26_214_400),
  /** Where document bytes live: `filesystem` (default) or `s3` (any S3-compatible store). */
  PORTICO_DOCUMENT_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
  /** The filesystem store's folder; default: `documents/` beside the SQLite file. */
  PORTICO_DOCUMENT_DIR: z.string().min(1).optional(),
  PORTICO_S3_BUCKET: z.string().min(3).max(63).optional(),
  /** An S3-compatible endpoint (MinIO, Ceph, R2 …); unset: AWS S3. */
  PORTICO_S3_ENDPOINT: z.url().optional(),
  PORTICO_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Key prefix inside the bucket. */
  PORTICO_S3_PREFIX: z.string().max(200).default('documents/'),
  /** Path-style URLs (`host/bucket/key`); default: on when an endpoint is set. */
  PORTICO_S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  /** Who issues the invoices Portico renders as PDF when the ERP supplies none. */
  PORTICO_INVOICE_ISSUER: z.string().min(1).max(200).default('Portico Demo Supplies Ltd.'),
  /** Payment instructions printed on rendered invoices; `{number}` becomes the invoice number. */
  PORTICO_PAYMENT_INSTRUCTIONS: z
    .string()
    .min(1)
    .max(2000)
    .default(
      'Bank transfer to Portico Demo Supplies Ltd., IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX. Please quote {number} as the payment reference.',
    ),
  /** Failed logins allowed per email (and per IP ×4) in one window before 429. */
  PORTICO_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  PORTICO_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  /** Operator embed-session mints allowed per key per minute before 429. */
  PORTICO_EMBED_MINTS_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** A client must send its request headers within this time (slow-loris guard). */
  PORTICO_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** …and its whole request within this time. */
  PORTICO_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** An event stream sends a comment this often, so proxies and clients know it is alive. */
  PORTICO_EVENTS_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
  /** How often the event hub looks for new events while any stream is open. */
  PORTICO_EVENTS_POLL_MS: z.coerce.number().int().positive().default(20),
  /**
   * An event stream is ended after this long; the client resumes with
   * Last-Event-ID and is authenticated again, so a revoked credential stops
   * receiving within this time.
   */
  PORTICO_EVENTS_STREAM_MAX_SECONDS: z.coerce.number().int().positive().default(300),
  /** Standard Webhooks secret (`whsec_…`) the ERP signs its events with, and Portico its deliveries. */
  PORTICO_ERP_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_')
    .default('whsec_cG9ydGljby1kZXZlbG9wbWVudC1lcnAtc2lnbmluZy1rZXk='),
  /** The ERP's HTTP API; orders are POSTed to `{url}/sales-orders`. Unset: the built-in simulated ERP. */
  PORTICO_ERP_URL: z.url().optional(),
  /** Run the simulated ERP (confirms, ships and delivers orders over minutes) when no ERP_URL is set. */
  PORTICO_ERP_SIMULATOR: booleanFlag.default(true),
  /** How much faster than real life the simulated ERP moves (2 = twice as fast). */
  PORTICO_ERP_SIMULATOR_SPEED: z.coerce.number().positive().max(10_000).default(1),
  /**
   * Where customers reach this portal (`https://portal.example.com`): the
   * origin payment return URLs may point to (besides embed-bound origins),
   * and the base of the sandbox payment page's address.
   */
  PORTICO_PUBLIC_URL: z.url().optional(),
  /**
   * Who takes the money for `POST /v1/payments`: the built-in `sandbox`
   * (no money moves: the default outside production), `midtrans`, or `none`
   * (payments off: the default in production, where the sandbox would let
   * anyone mark an invoice paid).
   */
  PORTICO_PAYMENT_PROVIDER: z.enum(['sandbox', 'midtrans', 'none']).optional(),
  /** A pending payment reserves its amounts this long; the provider's page expires with it. */
  PORTICO_PAYMENT_EXPIRY_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  /** Standard Webhooks secret (`whsec_…`) the sandbox provider signs its webhooks and page links with. */
  PORTICO_SANDBOX_PAYMENT_SECRET: z
    .string()
    .startsWith('whsec_')
    .default('whsec_cG9ydGljby1kZXZlbG9wbWVudC1zYW5kYm94LXBheW1lbnRz'),
  /** Midtrans server key (`SB-Mid-server-…` in its sandbox): authenticates API calls, signs notifications. */
  PORTICO_MIDTRANS_SERVER_KEY: z.string().min(1).optional(),
  /** Midtrans Snap API base; production is `https://app.midtrans.com/snap/v1`. */
  PORTICO_MIDTRANS_SNAP_URL: z.url().default('https://app.sandbox.midtrans.com/snap/v1'),
  /** Largest case attachment accepted, in bytes; 413 above. */
  PORTICO_CASE_ATTACHMENT_LIMIT_BYTES: z.coerce.number().int().positive().default(10_485_760),
  /** The operator's business hours, on which case SLA targets run: days and one daily window. */
  PORTICO_BUSINESS_HOURS: z.string().default('Mon-Fri 08:00-17:00'),
  /** The IANA time zone of the business hours. */
  PORTICO_BUSINESS_TIMEZONE: z.string().default('UTC'),
  /**
   * Case SLA targets per priority, `first response/resolution` in business
   * hours (`h`) or business days (`d`, one day = the daily window).
   */
  PORTICO_CASE_SLA: z.string().default('urgent=1h/8h,high=4h/2d,normal=8h/5d,low=2d/10d'),
  /** How often the SLA job looks for missed targets, in seconds. */
  PORTICO_CASE_SLA_CHECK_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Where support cases are kept: Portico's own tables, or Salesforce. */
  PORTICO_CRM: z.enum(['portico', 'salesforce']).default('portico'),
  /** Salesforce SOAP login host (a sandbox org: `https://test.salesforce.com`). */
  SALESFORCE_LOGIN_URL: z.url().default('https://login.salesforce.com'),
  /** The integration user's login; the password has the security token appended when the org requires it. */
  SALESFORCE_USERNAME: z.string().min(1).optional(),
  SALESFORCE_PASSWORD: z.string().min(1).optional(),
  /** Instead of a password: the org's instance URL and an access token (no re-login when it expires). */
  SALESFORCE_INSTANCE_URL: z.url().optional(),
  SALESFORCE_ACCESS_TOKEN: z.string().min(1).optional(),
  SALESFORCE_API_VERSION: z
    .string()
    .regex(/^\d+\.0$/, 'like 59.0')
    .default('59.0'),
  /** HMAC secret (Standard Webhooks `whsec_…`) of the events Salesforce sends Portico. */
  SALESFORCE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** How long a Salesforce case list is reused, in seconds. */
  SALESFORCE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** How often Cases changed in Salesforce are looked for (SystemModstamp), in seconds. */
  SALESFORCE_RECONCILE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /**
   * The org's Case `Status` picklist values per Portico status,
   * `status=Value|Other,…`: the first value is the one Portico writes, every
   * one listed reads back as that status.
   */
  SALESFORCE_CASE_STATUSES: z.string().default(DEFAULT_SALESFORCE_CASE_STATUSES),
  /** Delivery attempts to the ERP before an outbox row is dead-lettered. */
  PORTICO_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
})

export interface Config {
  env: 'development' | 'test' | 'production'
  port: number
  host: string
  databaseUrl: string
  /** PostgreSQL: the owner role's URL for migrations and seeding (default: databaseUrl). */
  databaseMigrationUrl: string | undefined
  databasePoolSize: number
  secret: string
  seedDemo: boolean
  demoOperatorKey: string
  shellDir: string | undefined
  cdnDir: string | undefined
  cookieSecure: boolean
  bodyLimitBytes: number
  uploadLimitBytes: number
  documentStore: DocumentStoreConfig
  invoiceIssuer: string
  paymentInstructions: string
  loginMaxFailures: number
  loginWindowSeconds: number
  embedMintsPerMinute: number
  headersTimeoutMs: number
  requestTimeoutMs: number
  eventsHeartbeatMs: number
  eventsPollMs: number
  eventsStreamMaxSeconds: number
  erpWebhookSecret: string
  erpUrl: string | undefined
  erpSimulator: boolean
  erpSimulatorSpeed: number
  outboxMaxAttempts: number
  caseAttachmentLimitBytes: number
  businessHours: BusinessHours
  /** Minutes of business time to each target, per case priority. */
  caseSla: CaseSlaTargets
  caseSlaCheckSeconds: number
  crm: CrmConfig
  /** The portal's public origin, without a trailing slash. */
  publicOrigin: string
  paymentProvider: 'sandbox' | 'midtrans' | 'none'
  paymentExpiryMinutes: number
  sandboxPaymentSecret: string
  midtransServerKey: string | undefined
  midtransSnapUrl: string
  logLevel: 'silent' | 'error' | 'info' | 'debug'
}

/** Where support cases are kept, and how Portico reaches Salesforce when there. */
export type CrmConfig =
  | { kind: 'portico' }
  | {
      kind: 'salesforce'
      credentials:
        | { kind: 'password'; loginUrl: string; username: string; password: string }
        | { kind: 'token'; instanceUrl: string; accessToken: string }
      apiVersion: string
      webhookSecret: string | undefined
      cacheTtlMs: number
      reconcileMs: number
      caseStatuses: CaseStatusPicklist
    }

/** Portico's case statuses, each with the Case `Status` values that mean it (the first is written). */
export type CaseStatusPicklist = Readonly<
  Record<
    'new' | 'open' | 'waiting_on_customer' | 'resolved' | 'closed',
    readonly [string, ...string[]]
  >
>

const CASE_STATUSES = ['new', 'open', 'waiting_on_customer', 'resolved', 'closed'] as const

/**
 * `open=Working|Escalated,…` → each status's picklist values. Every status
 * needs one; a value may mean one status only (else reading it back would
 * be a guess).
 */
function parseCaseStatuses(spec: string): CaseStatusPicklist {
  const picklist: Partial<Record<(typeof CASE_STATUSES)[number], [string, ...string[]]>> = {}
  const owner = new Map<string, string>()
  for (const entry of spec.split(',')) {
    const match = /^\s*([a-z_]+)\s*=(.+)$/.exec(entry)
    const status = match?.[1] as (typeof CASE_STATUSES)[number] | undefined
    if (!match || !status || !CASE_STATUSES.includes(status))
      throw new Error(
        `"${entry}" is not like open=Working|Escalated (statuses: ${CASE_STATUSES.join(', ')})`,
      )
    if (picklist[status]) throw new Error(`${status} is listed twice`)
    const values = match[2]!.split('|').map((v) => v.trim())
    if (values.some((v) => v === '')) throw new Error(`${status} has an empty value`)
    for (const value of values) {
      const other = owner.get(value)
      if (other) throw new Error(`"${value}" cannot mean both ${other} and ${status}`)
      owner.set(value, status)
    }
    picklist[status] = values as [string, ...string[]]
  }
  for (const status of CASE_STATUSES)
    if (!picklist[status]) throw new Error(`no value for ${status}`)
  return Object.freeze(picklist as CaseStatusPicklist)
}

function parseCrm(e: z.infer<typeof configSchema>): CrmConfig {
  if (e.PORTICO_CRM === 'portico') return { kind: 'portico' }
  const credentials =
    e.SALESFORCE_USERNAME && e.SALESFORCE_PASSWORD
      ? {
          kind: 'password' as const,
          loginUrl: e.SALESFORCE_LOGIN_URL,
          username: e.SALESFORCE_USERNAME,
          password: e.SALESFORCE_PASSWORD,
        }
      : e.SALESFORCE_INSTANCE_URL && e.SALESFORCE_ACCESS_TOKEN
        ? {
            kind: 'token' as const,
            instanceUrl: e.SALESFORCE_INSTANCE_URL,
            accessToken: e.SALESFORCE_ACCESS_TOKEN,
          }
        : undefined
  if (!credentials)
    throw new ConfigError(
      'Invalid configuration:\n  PORTICO_CRM=salesforce needs SALESFORCE_USERNAME + SALESFORCE_PASSWORD, or SALESFORCE_INSTANCE_URL + SALESFORCE_ACCESS_TOKEN',
    )
  let caseStatuses: CaseStatusPicklist
  try {
    caseStatuses = parseCaseStatuses(e.SALESFORCE_CASE_STATUSES)
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  SALESFORCE_CASE_STATUSES: ${(error as Error).message}`,
    )
  }
  return {
    kind: 'salesforce',
    credentials,
    apiVersion: e.SALESFORCE_API_VERSION,
    webhookSecret: e.SALESFORCE_WEBHOOK_SECRET,
    cacheTtlMs: e.SALESFORCE_CACHE_SECONDS * 1000,
    reconcileMs: e.SALESFORCE_RECONCILE_SECONDS * 1000,
    caseStatuses,
  }
}

export type CaseSlaTargets = Record<
  'low' | 'normal' | 'high' | 'urgent',
  { firstResponseMinutes: number; resolutionMinutes: number }
>

/** `urgent=1h/8h,high=4h/2d,…` → minutes of business time, every priority required. */
function parseCaseSla(spec: string, hours: BusinessHours): CaseSlaTargets {
  const duration = (text: string) => {
    const match = /^(\d{1,4})([hd])$/.exec(text.trim())
    if (!match) throw new Error(`"${text}" is not a duration like 4h or 2d`)
    const n = Number(match[1])
    return match[2] === 'h' ? n * 60 : n * businessDayMinutes(hours)
  }
  const targets: Partial<CaseSlaTargets> = {}
  for (const entry of spec.split(',')) {
    const match = /^\s*(low|normal|high|urgent)\s*=\s*([^/]+)\/(.+)$/.exec(entry)
    if (!match) throw new Error(`"${entry}" is not like normal=8h/5d`)
    targets[match[1] as keyof CaseSlaTargets] = {
      firstResponseMinutes: duration(match[2]!),
      resolutionMinutes: duration(match[3]!),
    }
  }
  for (const priority of ['low', 'normal', 'high', 'urgent'] as const)
    if (!targets[priority]) throw new Error(`no target for ${priority}`)
  return targets as CaseSlaTargets
}

export type DocumentStoreConfig =
  | { kind: 'filesystem'; dir: string }
  | {
      kind: 's3'
      bucket: string
      prefix: string
      endpoint: string | undefined
      region: string
      forcePathStyle: boolean
    }

/** The SQLite file's folder, for settings that default to living beside it. */
function databaseFolder(url: string): string {
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url
  return path === ':memory:' || /^postgres(ql)?:\/\//.test(url) ? './data' : dirname(path)
}

/** A fixed secret for development and tests only; production refuses to start without one. */
const DEVELOPMENT_SECRET = 'portico-development-secret-do-not-use-in-production'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Parses the environment into a frozen {@link Config}.
 * @throws ConfigError listing every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if (e.NODE_ENV === 'production' && !e.PORTICO_SECRET) {
    throw new ConfigError('Invalid configuration:\n  PORTICO_SECRET: required in production')
  }
  if (e.PORTICO_DOCUMENT_STORE === 's3' && !e.PORTICO_S3_BUCKET) {
    throw new ConfigError(
      'Invalid configuration:\n  PORTICO_S3_BUCKET: required when PORTICO_DOCUMENT_STORE=s3',
    )
  }
  const documentStore: DocumentStoreConfig =
    e.PORTICO_DOCUMENT_STORE === 's3'
      ? {
          kind: 's3',
          bucket: e.PORTICO_S3_BUCKET!,
          prefix: e.PORTICO_S3_PREFIX,
          endpoint: e.PORTICO_S3_ENDPOINT,
          region: e.PORTICO_S3_REGION,
          forcePathStyle: e.PORTICO_S3_FORCE_PATH_STYLE ?? e.PORTICO_S3_ENDPOINT !== undefined,
        }
      : {
          kind: 'filesystem',
          dir: e.PORTICO_DOCUMENT_DIR ?? join(databaseFolder(e.DATABASE_URL), 'documents'),
        }
  const paymentProvider =
    e.PORTICO_PAYMENT_PROVIDER ?? (e.NODE_ENV === 'production' ? 'none' : 'sandbox')
  if (paymentProvider === 'midtrans' && !e.PORTICO_MIDTRANS_SERVER_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  PORTICO_MIDTRANS_SERVER_KEY: required with PORTICO_PAYMENT_PROVIDER=midtrans',
    )
  }
  let businessHours: BusinessHours
  let caseSla: CaseSlaTargets
  try {
    businessHours = parseBusinessHours(e.PORTICO_BUSINESS_HOURS, e.PORTICO_BUSINESS_TIMEZONE)
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  PORTICO_BUSINESS_HOURS / PORTICO_BUSINESS_TIMEZONE: ${(error as Error).message}`,
    )
  }
  try {
    caseSla = parseCaseSla(e.PORTICO_CASE_SLA, businessHours)
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  PORTICO_CASE_SLA: ${(error as Error).message}`)
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    secret: e.PORTICO_SECRET ?? DEVELOPMENT_SECRET,
    seedDemo: e.PORTICO_SEED_DEMO,
    demoOperatorKey: e.PORTICO_DEMO_OPERATOR_KEY,
    shellDir: e.PORTICO_SHELL_DIR,
    cdnDir: e.PORTICO_CDN_DIR,
    cookieSecure: e.PORTICO_COOKIE_SECURE ?? e.NODE_ENV === 'production',
    bodyLimitBytes: e.PORTICO_BODY_LIMIT_BYTES,
    uploadLimitBytes: e.PORTICO_UPLOAD_LIMIT_BYTES,
    documentStore,
    invoiceIssuer: e.PORTICO_INVOICE_ISSUER,
    paymentInstructions: e.PORTICO_PAYMENT_INSTRUCTIONS,
    loginMaxFailures: e.PORTICO_LOGIN_MAX_FAILURES,
    loginWindowSeconds: e.PORTICO_LOGIN_WINDOW_SECONDS,
    embedMintsPerMinute: e.PORTICO_EMBED_MINTS_PER_MINUTE,
    headersTimeoutMs: e.PORTICO_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: Math.max(e.PORTICO_REQUEST_TIMEOUT_MS, e.PORTICO_HEADERS_TIMEOUT_MS),
    eventsHeartbeatMs: e.PORTICO_EVENTS_HEARTBEAT_MS,
    eventsPollMs: e.PORTICO_EVENTS_POLL_MS,
    eventsStreamMaxSeconds: e.PORTICO_EVENTS_STREAM_MAX_SECONDS,
    erpWebhookSecret: e.PORTICO_ERP_WEBHOOK_SECRET,
    erpUrl: e.PORTICO_ERP_URL,
    erpSimulator: e.PORTICO_ERP_SIMULATOR,
    erpSimulatorSpeed: e.PORTICO_ERP_SIMULATOR_SPEED,
    outboxMaxAttempts: e.PORTICO_OUTBOX_MAX_ATTEMPTS,
    caseAttachmentLimitBytes: e.PORTICO_CASE_ATTACHMENT_LIMIT_BYTES,
    businessHours,
    caseSla,
    caseSlaCheckSeconds: e.PORTICO_CASE_SLA_CHECK_SECONDS,
    crm: parseCrm(e),
    publicOrigin: new URL(e.PORTICO_PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin,
    paymentProvider,
    paymentExpiryMinutes: e.PORTICO_PAYMENT_EXPIRY_MINUTES,
    sandboxPaymentSecret: e.PORTICO_SANDBOX_PAYMENT_SECRET,
    midtransServerKey: e.PORTICO_MIDTRANS_SERVER_KEY,
    midtransSnapUrl: e.PORTICO_MIDTRANS_SNAP_URL.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
  })
}
