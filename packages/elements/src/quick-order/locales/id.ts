import type { QuickOrderMessages } from '../quick-order.messages.js'

// Indonesian nouns do not inflect for number.
export const messages: QuickOrderMessages = {
  columnQuantity: 'Jumlah',
  products: 'Produk',
  searchProducts: 'Cari produk',
  searchHint: 'SKU atau nama',
  loadingProducts: 'Memuat produk…',
  noProducts: 'Daftar harga Anda belum berisi produk.',
  noProductsFor: (query) => `Tidak ada produk yang cocok dengan “${query}”.`,
  noPriceList:
    'Belum ada daftar harga yang berlaku untuk akun Anda, sehingga belum bisa memesan secara online. Silakan hubungi account manager Anda.',
  priceListInfo: (name, validTo) =>
    validTo ? `Harga Anda dari “${name}”, berlaku hingga ${validTo}` : `Harga Anda dari “${name}”`,
  productsLoadError: 'Produk tidak dapat dimuat.',
  productsForbidden: 'Anda tidak memiliki izin untuk melihat katalog.',
  productsShown: (count) => `${count} produk`,
  loadedMoreProducts: (count) => `${count} produk lagi dimuat`,
  pricePerUnit: (price, unit) => `${price} / ${unit}`,
  priceFrom: (quantity, price) => `mulai ${quantity}: ${price}`,
  quantityPrices: 'Harga per jumlah',
  quantityOf: (product, unit) => `Jumlah ${product} (${unit})`,
  decreaseQuantity: (product) => `Kurangi: ${product}`,
  increaseQuantity: (product) => `Tambah: ${product}`,
  quantityRules: (minimum, step, unit) =>
    step === '1' ? `Min. ${minimum} ${unit}` : `Min. ${minimum} ${unit}, kelipatan ${step}`,
  quantityNotANumber: 'Masukkan bilangan bulat.',
  quantityBelowMinimum: (minimum, unit) => `Pesan minimal ${minimum} ${unit}.`,
  quantityNotMultiple: (step, unit) => `Pesan dalam kelipatan ${step} ${unit}.`,
  productNotOrderable: 'Produk ini tidak dapat dipesan lagi. Hapus dari pesanan.',
  lineRefused: 'Baris ini tidak dapat dipesan seperti ini. Ubah atau hapus.',
  yourOrder: 'Pesanan Anda',
  orderEmpty: 'Isi jumlah di samping produk untuk menambahkannya di sini.',
  lineCount: (count) => `${count} baris`,
  removeLine: (product) => `Hapus ${product}`,
  taxAddedOnPlacing: 'Pajak ditambahkan saat pesanan dikirim.',
  availableCredit: 'Kredit tersedia',
  creditOfLimit: (limit) => `dari limit kredit ${limit}`,
  creditAfterOrder: 'Sisa setelah pesanan ini',
  overCredit: (amount) => `Pesanan ini melebihi kredit tersedia sebesar ${amount}.`,
  overCreditHelp: 'Hapus beberapa baris, atau lunasi faktur terbuka untuk menambah kredit.',
  creditHold: 'Pemesanan untuk akun Anda sedang ditahan.',
  creditHoldReason: (reason) => `Alasan: ${reason}`,
  contactAccountManager: 'Silakan hubungi account manager Anda.',
  roleCannotOrder: 'Peran Anda tidak dapat membuat pesanan.',
  roleCannotOrderHelp:
    'Anda dapat melihat produk dan harga Anda. Untuk memesan, hubungi bagian pembelian atau administrator di perusahaan Anda.',
  reviewOrder: 'Periksa pesanan',
  blockedEmpty: 'Tambahkan minimal satu produk untuk memeriksa pesanan.',
  blockedInvalid: 'Perbaiki dulu jumlah yang ditandai merah.',
  reviewTitle: 'Periksa pesanan Anda',
  backToProducts: 'Kembali ke produk',
  placeOrder: 'Kirim pesanan',
  placingOrder: 'Mengirim pesanan…',
  placeError: 'Pesanan tidak dapat dikirim.',
  linesRefused:
    'Beberapa baris tidak dapat dipesan seperti ini. Kembali ke produk untuk mengubahnya.',
  creditExceeded: (available) =>
    `Termasuk pajak, pesanan melebihi kredit tersedia Anda sebesar ${available}. Hapus beberapa baris, atau lunasi faktur terbuka terlebih dahulu.`,
  noCreditTerms:
    'Akun Anda belum dapat memesan secara online. Silakan hubungi account manager Anda.',
  orderConflict: 'Pesanan ini sedang dikirim. Tunggu sebentar, lalu periksa pesanan Anda.',
  placeOffline:
    'Pesanan tidak dapat dikirim. Periksa koneksi Anda dan coba lagi — pesanan tidak akan terkirim dua kali.',
  orderPlacedTitle: (number) => `Pesanan ${number} terkirim`,
  orderPlacedText:
    'Pemasok akan segera mengonfirmasinya. Anda dapat mengikuti setiap tahap di daftar pesanan.',
  viewOrder: 'Lihat pesanan',
  placeAnother: 'Buat pesanan lain',
}
