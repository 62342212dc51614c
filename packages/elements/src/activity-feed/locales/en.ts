import type { ActivityFeedMessages } from '../activity-feed.messages.js'

const orderVerbs: Record<string, string> = {
  placed: 'placed',
  confirmed: 'confirmed',
  in_production: 'in production',
  partially_shipped: 'partially shipped',
  shipped: 'shipped',
  delivered: 'delivered',
  cancelled: 'cancelled',
  rejected: 'rejected',
}

export const messages: ActivityFeedMessages = {
  activity: 'Activity',
  kindFilter: 'Show',
  kinds: {
    all: 'All activity',
    order: 'Orders',
    payment: 'Payments',
    case: 'Cases',
    comment: 'Comments',
  },
  sentence: (action, label, amount, actorKind, actorName) => {
    const [noun, verb = ''] = String(action).split('.')
    if (noun === 'order') return `Order ${label} ${orderVerbs[verb] ?? verb.replaceAll('_', ' ')}`
    if (noun === 'payment') {
      const outcome = verb === 'failed' ? 'failed' : 'succeeded'
      return amount ? `Payment of ${amount} ${outcome}` : `Payment ${outcome}`
    }
    switch (action) {
      case 'case.created':
        return `Case ${label} raised`
      case 'case.commented':
        if (actorKind === 'agent')
          return actorName
            ? `Agent ${actorName} replied on case ${label}`
            : `Support replied on case ${label}`
        return actorName
          ? `${actorName} commented on case ${label}`
          : `New comment on case ${label}`
      case 'case.status_changed':
        return `Case ${label} changed status`
      case 'case.sla_breached':
        return `Case ${label} is overdue`
      default:
        return label
    }
  },
  loading: 'Loading activity…',
  empty: 'Nothing has happened in your account yet.',
  emptyFiltered: 'No activity of this kind.',
  loadError: 'Your activity could not be loaded.',
  offline: 'You are offline. Your activity will load when the connection is back.',
  forbidden: 'You do not have permission to see activity.',
  loadMoreError: 'More activity could not be loaded.',
  shown: (count) => (count === 1 ? '1 entry' : `${count} entries`),
  loadedMore: (count) => (count === 1 ? '1 more entry loaded' : `${count} more entries loaded`),
}
