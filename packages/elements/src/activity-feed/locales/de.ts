import type { ActivityFeedMessages } from '../activity-feed.messages.js'

const orderVerbs: Record<string, string> = {
  placed: 'aufgegeben',
  confirmed: 'bestätigt',
  in_production: 'in Produktion',
  partially_shipped: 'teilweise versandt',
  shipped: 'versandt',
  delivered: 'zugestellt',
  cancelled: 'storniert',
  rejected: 'abgelehnt',
}

export const messages: ActivityFeedMessages = {
  activity: 'Aktivität',
  kindFilter: 'Anzeigen',
  kinds: {
    all: 'Alle Aktivitäten',
    order: 'Bestellungen',
    payment: 'Zahlungen',
    case: 'Fälle',
    comment: 'Kommentare',
  },
  sentence: (action, label, amount, actorKind, actorName) => {
    const [noun, verb = ''] = String(action).split('.')
    if (noun === 'order')
      return `Bestellung ${label} ${orderVerbs[verb] ?? verb.replaceAll('_', ' ')}`
    if (noun === 'payment') {
      const outcome = verb === 'failed' ? 'fehlgeschlagen' : 'erfolgreich'
      return amount ? `Zahlung über ${amount} ${outcome}` : `Zahlung ${outcome}`
    }
    switch (action) {
      case 'case.created':
        return `Fall ${label} gemeldet`
      case 'case.commented':
        if (actorKind === 'agent')
          return actorName
            ? `${actorName} (Support) hat auf Fall ${label} geantwortet`
            : `Der Support hat auf Fall ${label} geantwortet`
        return actorName
          ? `${actorName} hat Fall ${label} kommentiert`
          : `Neuer Kommentar zu Fall ${label}`
      case 'case.status_changed':
        return `Status von Fall ${label} geändert`
      case 'case.sla_breached':
        return `Fall ${label} ist überfällig`
      default:
        return label
    }
  },
  loading: 'Aktivität wird geladen …',
  empty: 'In Ihrem Konto ist noch nichts passiert.',
  emptyFiltered: 'Keine Aktivität dieser Art.',
  loadError: 'Ihre Aktivität konnte nicht geladen werden.',
  offline: 'Sie sind offline. Ihre Aktivität wird geladen, sobald die Verbindung wieder steht.',
  forbidden: 'Sie haben keine Berechtigung, Aktivitäten anzuzeigen.',
  loadMoreError: 'Weitere Aktivitäten konnten nicht geladen werden.',
  shown: (count) => (count === 1 ? '1 Eintrag' : `${count} Einträge`),
  loadedMore: (count) =>
    count === 1 ? '1 weiterer Eintrag geladen' : `${count} weitere Einträge geladen`,
}
