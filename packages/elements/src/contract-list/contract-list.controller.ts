import type { ReactiveControllerHost } from 'lit'
import { CursorListController } from '../list/cursor-list.controller.js'
import type { Contract, ContractPage, ContractStatus, PortalClient } from '../portal-client.js'

/** The status filter: one contract status, or every status. */
export type ContractStatusFilter = ContractStatus | 'all'

export const contractStatusFilters: readonly ContractStatusFilter[] = Object.freeze([
  'all',
  'active',
  'cancelled',
  'expired',
])

/** What the contract list asks `GET /v1/contracts` for. */
export interface ContractListQuery {
  /** Rows per request, 1..100. */
  pageSize: number
  status: ContractStatusFilter
}

export interface ContractListControllerOptions extends Partial<ContractListQuery> {
  client?: PortalClient | undefined
}

/**
 * The data logic of `<portico-contract-list>`, usable on its own: it pages
 * through `GET /v1/contracts` (soonest renewal first) with a cursor — the
 * paging every list shares, from `CursorListController`. Each contract
 * arrives with its items and its document.
 */
export class ContractListController extends CursorListController<
  Contract,
  ContractListQuery,
  ContractPage
> {
  constructor(host: ReactiveControllerHost, options: ContractListControllerOptions = {}) {
    const { client, ...query } = options
    super(host, client, { pageSize: 20, status: 'all', ...query })
  }

  protected fetchPage(
    client: PortalClient,
    { pageSize, status }: Readonly<ContractListQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/contracts', {
      params: {
        query: {
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
          ...(status !== 'all' ? { status } : {}),
        },
      },
      signal,
    })
  }
}
