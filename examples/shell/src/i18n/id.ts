import type { ShellMessages } from './messages.js'

export const id: ShellMessages = {
  languageName: 'Bahasa Indonesia',
  language: 'Bahasa',
  skipToContent: 'Langsung ke konten',
  portalName: 'Portal pelanggan',
  loading: 'Memuat …',

  signInTitle: 'Masuk',
  signInIntro: 'Gunakan alamat email yang didaftarkan pemasok Anda.',
  email: 'Email',
  password: 'Kata sandi',
  signIn: 'Masuk',
  signingIn: 'Sedang masuk …',
  emailRequired: 'Masukkan alamat email Anda.',
  emailInvalid: 'Masukkan alamat email seperti nama@contoh.co.id.',
  passwordRequired: 'Masukkan kata sandi Anda.',
  invalidCredentials: 'Email atau kata sandi salah.',
  tooManyAttempts: (minutes) => `Terlalu banyak percobaan, coba lagi dalam ${minutes} menit.`,
  networkError: 'Portal tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.',
  unexpectedError: 'Terjadi kesalahan. Silakan coba lagi.',
  errorReference: (requestId) => `Referensi: ${requestId}`,
  demoLogins: 'Akun demo',
  demoLoginsIntro: (password) =>
    `Semua pengguna demo memakai kata sandi “${password}”. Pilih salah satu untuk mengisi formulir.`,

  mainNavigation: 'Navigasi utama',
  signOut: 'Keluar',
  signedInAs: (name, role) => `${name}, ${role}`,
  roles: {
    admin: 'Administrator',
    buyer: 'Pembelian',
    accounts_payable: 'Utang usaha',
    viewer: 'Hanya lihat',
  },

  invoicesTitle: 'Faktur',
  backToInvoices: 'Semua faktur',
  retry: 'Coba lagi',

  quickOrderTitle: 'Pesan cepat',
  payInvoices: 'Bayar faktur',
  ordersTitle: 'Pesanan',
  backToOrders: 'Semua pesanan',
  documentsTitle: 'Dokumen',
  contractsTitle: 'Kontrak',
  orderDocuments: 'Dokumen pesanan ini',
  casesTitle: 'Kasus dukungan',
  activityTitle: 'Aktivitas',
  backToCases: 'Semua kasus',
  reportProblem: 'Laporkan masalah',

  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundText: 'Tidak ada halaman di alamat ini.',
  goToInvoices: 'Ke faktur Anda',

  footerText: 'Portal referensi Portico',
  apiDocs: 'Dokumentasi API',
}
