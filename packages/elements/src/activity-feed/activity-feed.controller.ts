import type { ReactiveControllerHost } from 'lit'
import { CursorListController } from '../list/cursor-list.controller.js'
import type { ActivityItem, PortalClient } from '../portal-client.js'

export type ActivityKind = ActivityItem['kind']
export type ActivityKindFilter = ActivityKind | 'all'

export const activityKindFilters: readonly ActivityKindFilter[] = Object.freeze([
  'all',
  'order',
  'payment',
  'case',
  'comment',
])

/** A page of `GET /v1/activity`, newest first. */
export interface ActivityPage {
  data: ActivityItem[]
  nextCursor: string | null
}

/** What the activity feed asks the API for. */
export interface ActivityFeedQuery {
  kind: ActivityKindFilter
  pageSize: number
}

export interface ActivityFeedControllerOptions extends Partial<ActivityFeedQuery> {
  client?: PortalClient | undefined
}

/**
 * The data logic of `<portico-activity-feed>`: pages through
 * `GET /v1/activity` (newest first) with a cursor and a kind filter;
 * {@link refresh} loads the first page again when something new happened.
 */
export class ActivityFeedController extends CursorListController<
  ActivityItem,
  ActivityFeedQuery,
  ActivityPage
> {
  constructor(host: ReactiveControllerHost, options: ActivityFeedControllerOptions = {}) {
    const { client, ...query } = options
    super(host, client, { kind: 'all', pageSize: 20, ...query })
  }

  /**
   * A live event arrived: loads the first page again, unless the list is
   * busy or in a state a reload would not mend.
   */
  refresh(): Promise<void> {
    if ((this.state !== 'ready' && this.state !== 'empty') || this.loadingMore) {
      return Promise.resolve()
    }
    return this.reload()
  }

  protected fetchPage(
    client: PortalClient,
    { kind, pageSize }: Readonly<ActivityFeedQuery>,
    cursor: string | undefined,
    signal: AbortSignal,
  ) {
    return client.GET('/v1/activity', {
      params: {
        query: {
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
          ...(kind !== 'all' ? { kind } : {}),
        },
      },
      signal,
    })
  }
}
