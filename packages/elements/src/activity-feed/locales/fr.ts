import type { ActivityFeedMessages } from '../activity-feed.messages.js'

const orderVerbs: Record<string, string> = {
  placed: 'passée',
  confirmed: 'confirmée',
  in_production: 'en production',
  partially_shipped: 'partiellement expédiée',
  shipped: 'expédiée',
  delivered: 'livrée',
  cancelled: 'annulée',
  rejected: 'refusée',
}

export const messages: ActivityFeedMessages = {
  activity: 'Activité',
  kindFilter: 'Afficher',
  kinds: {
    all: 'Toute l’activité',
    order: 'Commandes',
    payment: 'Paiements',
    case: 'Dossiers',
    comment: 'Commentaires',
  },
  sentence: (action, label, amount, actorKind, actorName) => {
    const [noun, verb = ''] = String(action).split('.')
    if (noun === 'order')
      return `Commande ${label} ${orderVerbs[verb] ?? verb.replaceAll('_', ' ')}`
    if (noun === 'payment') {
      const outcome = verb === 'failed' ? 'échoué' : 'réussi'
      return amount ? `Paiement de ${amount} ${outcome}` : `Paiement ${outcome}`
    }
    switch (action) {
      case 'case.created':
        return `Dossier ${label} ouvert`
      case 'case.commented':
        if (actorKind === 'agent')
          return actorName
            ? `L’agent ${actorName} a répondu sur le dossier ${label}`
            : `Le support a répondu sur le dossier ${label}`
        return actorName
          ? `${actorName} a commenté le dossier ${label}`
          : `Nouveau commentaire sur le dossier ${label}`
      case 'case.status_changed':
        return `Le statut du dossier ${label} a changé`
      case 'case.sla_breached':
        return `Le dossier ${label} est en retard`
      default:
        return label
    }
  },
  loading: 'Chargement de l’activité…',
  empty: 'Rien ne s’est encore passé sur votre compte.',
  emptyFiltered: 'Aucune activité de ce type.',
  loadError: 'Votre activité n’a pas pu être chargée.',
  offline: 'Vous êtes hors ligne. Votre activité se chargera au retour de la connexion.',
  forbidden: 'Vous n’avez pas l’autorisation de voir l’activité.',
  loadMoreError: 'Impossible de charger plus d’activité.',
  shown: (count) => (count === 1 ? '1 entrée' : `${count} entrées`),
  loadedMore: (count) =>
    count === 1 ? '1 entrée supplémentaire chargée' : `${count} entrées supplémentaires chargées`,
}
