import { defineCatalogue } from '../i18n/catalogue.js'
import { sharedCatalogue } from '../i18n/shared.messages.js'
import type { CursorListMessages } from '../list/cursor-list.messages.js'
import type { ActivityKindFilter } from './activity-feed.controller.js'
import { messages as en } from './locales/en.js'

/** What an entry's sentence is made of. */
export interface ActivityWords {
  /** `order.placed`, `payment.succeeded`, `case.commented`, … */
  action: string
  /** The order number, payment id or case number. */
  label: string
  /** The amount, formatted; `null` when there is none. */
  amount: string | null
  actorKind: 'customer' | 'agent' | 'system'
  actorName: string | null
}

/** What `<portico-activity-feed>` shows or announces, its list states included. */
export interface ActivityFeedMessages extends CursorListMessages {
  /** Accessible name of the timeline. */
  activity: string
  kindFilter: string
  /** The filter options; `all` shows everything. */
  kinds: Record<ActivityKindFilter, string>
  /** The sentence of an entry: "Order SO-1042 placed". */
  sentence: (words: ActivityWords) => string
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
