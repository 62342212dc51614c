import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { CursorListMessages } from '../list/cursor-list.messages.js'
import type { ActivityKindFilter } from './activity-feed.controller.js'
import { messages as en } from './locales/en.js'

/** What `<portico-activity-feed>` shows or announces, its list states included. */
export interface ActivityFeedMessages extends CursorListMessages {
  /** Accessible name of the timeline. */
  activity: string
  kindFilter: string
  /** The filter options; `all` shows everything. */
  kinds: Record<ActivityKindFilter, string>
  /**
   * The sentence of an entry: "Order SO-1042 placed". `action` is
   * `order.placed`, `payment.succeeded`, `case.commented` …; `label` the order
   * number, payment id or case number; `amount` formatted, or `null`.
   */
  sentence: (
    action: string,
    label: string,
    amount: string | null,
    actorKind: 'customer' | 'agent' | 'system',
    actorName: string | null,
  ) => string
}

export const activityFeedCatalogue = defineCatalogue({
  base: sharedCatalogue,
  en,
  load: {
    de: () => import('./locales/de.js'),
    fr: () => import('./locales/fr.js'),
    it: () => import('./locales/it.js'),
    id: () => import('./locales/id.js'),
  },
})
