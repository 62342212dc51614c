import { LRUCache } from 'lru-cache'
import type { CaseSnapshot } from '../case-connector.js'

/**
 * Recent SOQL answers per Portico account, kept briefly so a burst of reads
 * costs Salesforce one query (each one counts against the org's daily API
 * allowance). The account is the outer key: one account's entries are
 * never another's, and a write to a case drops all of its account's at once.
 */
export function createCaseListCache(options: { ttlMs: number; maxAccounts?: number }) {
  const byAccount = new LRUCache<string, Map<string, CaseSnapshot[]>>({
    max: options.maxAccounts ?? 1000,
    ttl: options.ttlMs,
  })
  return {
    get: (accountId: string, query: string) => byAccount.get(accountId)?.get(query),
    set(accountId: string, query: string, snapshots: CaseSnapshot[]): void {
      const entries = byAccount.get(accountId)
      // A new account entry starts the TTL; later queries share it, so none outlives it.
      if (entries) entries.set(query, snapshots)
      else byAccount.set(accountId, new Map([[query, snapshots]]))
    },
    /** Drops what is cached for the account: after Portico wrote to one of its cases. */
    bust: (accountId: string) => void byAccount.delete(accountId),
  }
}

export type CaseListCache = ReturnType<typeof createCaseListCache>
