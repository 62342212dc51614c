const formats = new Map<string, Intl.NumberFormat>()

const units = [
  ['byte', 1],
  ['kilobyte', 1024],
  ['megabyte', 1024 ** 2],
  ['gigabyte', 1024 ** 3],
] as const

/**
 * A file size in the reader's words — `842 byte`, `12,5 kB`, `3.1 MB` —
 * through `Intl`'s units, in the largest unit that keeps the number ≥ 1
 * (binary multiples, as file managers show them).
 */
export function fileSize(locale: string, bytes: number): string {
  const [unit, size] = units.findLast(([, size]) => bytes >= size) ?? units[0]
  const key = `${locale}|${unit}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: unit === 'byte' ? 0 : 1,
    })
    formats.set(key, format)
  }
  return format.format(bytes / size)
}
