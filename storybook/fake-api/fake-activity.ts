/** The activity route of the fake API: a week of one account's orders, payments and cases. */
import type { Schemas } from '@portico/sdk'
import { json, page } from './fake-portico-api.js'

type ActivityItem = Schemas['ActivityItem']

export interface FakeActivityState {
  items: ActivityItem[]
}

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString()

let counter = 0

/** An activity entry as the API returns it; `tailor` changes any field. */
export function fakeActivity(tailor: Partial<ActivityItem> = {}): ActivityItem {
  counter += 1
  return {
    id: `evt_fake${counter}`,
    kind: 'order',
    occurredAt: hoursAgo(counter),
    subject: { type: 'order', id: 'ord_fake1', label: 'SO-1042' },
    action: 'order.placed',
    actor: { kind: 'customer', name: 'Riley Chen' },
    summary: 'Order SO-1042 placed',
    amount: { value: 125_000, currency: 'EUR' },
    ...tailor,
  }
}

/** A few days of everything the feed shows, newest first. */
export function fakeActivityState(items?: ActivityItem[]): FakeActivityState {
  const at = (hours: number) => ({ occurredAt: hoursAgo(hours) })
  return {
    items: items ?? [
      fakeActivity({
        ...at(1),
        kind: 'comment',
        subject: { type: 'case', id: 'case_fake42', label: 'CS-2026-00042' },
        action: 'case.commented',
        actor: { kind: 'agent', name: 'Maria' },
        summary: 'Maria commented on CS-2026-00042',
        amount: null,
      }),
      fakeActivity({
        ...at(3),
        kind: 'payment',
        subject: { type: 'payment', id: 'pay_fake1', label: 'pay_fake1' },
        action: 'payment.succeeded',
        summary: 'Payment of €1,250.00 succeeded',
      }),
      fakeActivity({
        ...at(26),
        kind: 'case',
        subject: { type: 'case', id: 'case_fake42', label: 'CS-2026-00042' },
        action: 'case.created',
        summary: 'Riley Chen raised CS-2026-00042: Pallet arrived damaged',
        amount: null,
      }),
      fakeActivity({
        ...at(28),
        action: 'order.shipped',
        actor: { kind: 'system', name: null },
        summary: 'Order SO-1042 shipped',
      }),
      fakeActivity({ ...at(75) }),
    ],
  }
}

/** Answers `GET /v1/activity`, or `undefined` for any other route. */
export function answerActivity(url: URL, state: FakeActivityState): Response | undefined {
  if (url.pathname !== '/v1/activity') return undefined
  const kind = url.searchParams.get('kind')
  return json(page(url, kind ? state.items.filter((i) => i.kind === kind) : state.items))
}
