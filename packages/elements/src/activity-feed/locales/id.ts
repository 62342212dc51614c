import type { ActivityFeedMessages } from '../activity-feed.messages.js'

const orderVerbs: Record<string, string> = {
  placed: 'dibuat',
  confirmed: 'dikonfirmasi',
  in_production: 'dalam produksi',
  partially_shipped: 'dikirim sebagian',
  shipped: 'dikirim',
  delivered: 'diterima',
  cancelled: 'dibatalkan',
  rejected: 'ditolak',
}

export const messages: ActivityFeedMessages = {
  activity: 'Aktivitas',
  kindFilter: 'Tampilkan',
  kinds: {
    all: 'Semua aktivitas',
    order: 'Pesanan',
    payment: 'Pembayaran',
    case: 'Kasus',
    comment: 'Komentar',
  },
  sentence: (action, label, amount, actorKind, actorName) => {
    const [noun, verb = ''] = String(action).split('.')
    if (noun === 'order') return `Pesanan ${label} ${orderVerbs[verb] ?? verb.replaceAll('_', ' ')}`
    if (noun === 'payment') {
      const outcome = verb === 'failed' ? 'gagal' : 'berhasil'
      return amount ? `Pembayaran ${amount} ${outcome}` : `Pembayaran ${outcome}`
    }
    switch (action) {
      case 'case.created':
        return `Kasus ${label} dibuat`
      case 'case.commented':
        if (actorKind === 'agent')
          return actorName
            ? `Agen ${actorName} membalas kasus ${label}`
            : `Dukungan membalas kasus ${label}`
        return actorName
          ? `${actorName} mengomentari kasus ${label}`
          : `Komentar baru pada kasus ${label}`
      case 'case.status_changed':
        return `Status kasus ${label} berubah`
      case 'case.sla_breached':
        return `Kasus ${label} terlambat`
      default:
        return label
    }
  },
  loading: 'Memuat aktivitas…',
  empty: 'Belum ada yang terjadi di akun Anda.',
  emptyFiltered: 'Tidak ada aktivitas jenis ini.',
  loadError: 'Aktivitas Anda tidak dapat dimuat.',
  offline: 'Anda sedang offline. Aktivitas akan dimuat saat koneksi kembali.',
  forbidden: 'Anda tidak memiliki izin untuk melihat aktivitas.',
  loadMoreError: 'Aktivitas lainnya tidak dapat dimuat.',
  shown: (count) => `${count} entri`,
  loadedMore: (count) => `${count} entri lagi dimuat`,
}
