import type { ActivityFeedMessages } from '../activity-feed.messages.js'

const orderVerbs: Record<string, string> = {
  placed: 'effettuato',
  confirmed: 'confermato',
  in_production: 'in produzione',
  partially_shipped: 'spedito in parte',
  shipped: 'spedito',
  delivered: 'consegnato',
  cancelled: 'annullato',
  rejected: 'rifiutato',
}

export const messages: ActivityFeedMessages = {
  activity: 'Attività',
  kindFilter: 'Mostra',
  kinds: {
    all: 'Tutte le attività',
    order: 'Ordini',
    payment: 'Pagamenti',
    case: 'Casi',
    comment: 'Commenti',
  },
  sentence: (action, label, amount, actorKind, actorName) => {
    const [noun, verb = ''] = String(action).split('.')
    if (noun === 'order') return `Ordine ${label} ${orderVerbs[verb] ?? verb.replaceAll('_', ' ')}`
    if (noun === 'payment') {
      const outcome = verb === 'failed' ? 'non riuscito' : 'riuscito'
      return amount ? `Pagamento di ${amount} ${outcome}` : `Pagamento ${outcome}`
    }
    switch (action) {
      case 'case.created':
        return `Caso ${label} aperto`
      case 'case.commented':
        if (actorKind === 'agent')
          return actorName
            ? `L’agente ${actorName} ha risposto al caso ${label}`
            : `Il supporto ha risposto al caso ${label}`
        return actorName
          ? `${actorName} ha commentato il caso ${label}`
          : `Nuovo commento sul caso ${label}`
      case 'case.status_changed':
        return `Lo stato del caso ${label} è cambiato`
      case 'case.sla_breached':
        return `Il caso ${label} è in ritardo`
      default:
        return label
    }
  },
  loading: 'Caricamento delle attività…',
  empty: 'Nel tuo account non è ancora successo nulla.',
  emptyFiltered: 'Nessuna attività di questo tipo.',
  loadError: 'Impossibile caricare le tue attività.',
  offline: 'Sei offline. Le attività verranno caricate quando la connessione tornerà.',
  forbidden: 'Non hai l’autorizzazione per vedere le attività.',
  loadMoreError: 'Impossibile caricare altre attività.',
  shown: (count) => (count === 1 ? '1 voce' : `${count} voci`),
  loadedMore: (count) => (count === 1 ? '1 altra voce caricata' : `${count} altre voci caricate`),
}
