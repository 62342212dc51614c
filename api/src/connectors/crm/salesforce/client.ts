import { Connection } from 'jsforce'
import { isUnreachable, SalesforceUnreachableError, toApiError } from './errors.js'

/** How Portico signs in to Salesforce: a user's password (SOAP login) or a ready access token. */
export type SalesforceCredentials =
  | { kind: 'password'; loginUrl: string; username: string; password: string }
  | { kind: 'token'; instanceUrl: string; accessToken: string }

export interface SalesforceClientOptions {
  credentials: SalesforceCredentials
  apiVersion: string
  /**
   * An answer slower than this counts as no answer: a write is then accepted
   * and delivered through the outbox (the upsert finds the Case if the slow
   * call did land), rather than holding the request's transaction open.
   */
  timeoutMs?: number
}

/** One Salesforce record as the REST API returns it. */
export type SalesforceRecord = Record<string, unknown> & { Id: string }

/**
 * A thin typed layer over one jsforce Connection: signs in lazily and once,
 * signs in again when the session expired (jsforce retries a request that
 * answered `INVALID_SESSION_ID` after a password login), and gives every
 * failure one of two shapes — SalesforceUnreachableError when no answer
 * came, an ApiError problem otherwise.
 */
export function createSalesforceClient(options: SalesforceClientOptions) {
  const { credentials, apiVersion } = options
  const timeoutMs = options.timeoutMs ?? 2000
  let connection: Connection | undefined
  let signingIn: Promise<Connection> | undefined

  async function signIn(): Promise<Connection> {
    if (credentials.kind === 'token')
      return new Connection({
        instanceUrl: credentials.instanceUrl,
        accessToken: credentials.accessToken,
        version: apiVersion,
      })
    const conn = new Connection({ loginUrl: credentials.loginUrl, version: apiVersion })
    await conn.login(credentials.username, credentials.password)
    return conn
  }

  async function connect(): Promise<Connection> {
    if (connection) return connection
    signingIn ??= signIn().finally(() => (signingIn = undefined))
    connection = await signingIn
    return connection
  }

  async function run<T>(work: (conn: Connection) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new SalesforceUnreachableError(`No answer from Salesforce within ${timeoutMs} ms`),
          ),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([connect().then(work), timeout])
    } catch (error) {
      if (isUnreachable(error))
        throw new SalesforceUnreachableError('Salesforce cannot be reached', { cause: error })
      throw toApiError(error)
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    /** Every record a SOQL query matches, following `nextRecordsUrl` page by page. */
    query: <T extends SalesforceRecord>(soql: string) =>
      run(async (conn) => {
        const records: T[] = []
        let page = await conn.query<T>(soql)
        records.push(...page.records)
        while (!page.done && page.nextRecordsUrl) {
          page = await conn.queryMore<T>(page.nextRecordsUrl)
          records.push(...page.records)
        }
        return records
      }),

    /** Creates a record; resolves with its Id. */
    create: (type: string, record: Record<string, unknown>) =>
      run(async (conn) => {
        const result = await conn.sobject(type).create(record)
        if (!result.success) throw toApiError(result.errors[0] ?? new Error(`${type} not created`))
        return result.id
      }),

    /**
     * Creates or updates the record whose external-ID field holds `record[field]`:
     * a retry after a lost answer finds the record the first call made.
     */
    upsert: (type: string, record: Record<string, unknown>, field: string) =>
      run(async (conn) => {
        const result = await conn.sobject(type).upsert(record, field)
        if (!result.success) throw toApiError(result.errors[0] ?? new Error(`${type} not saved`))
        return result.id as string | undefined
      }),

    /** Updates fields of a record by its Id. */
    update: (type: string, record: Record<string, unknown> & { Id: string }) =>
      run(async (conn) => {
        const result = await conn.sobject(type).update(record)
        if (!result.success) throw toApiError(result.errors[0] ?? new Error(`${type} not updated`))
      }),
  }
}

export type SalesforceClient = ReturnType<typeof createSalesforceClient>
