import type { LoadResult } from './load.js'

export interface Target {
  name: string
  value: number
  /** The bound the value must meet; none for a figure that is only reported. */
  bound?: number
  direction?: 'at least' | 'at most'
  unit?: string
}

/** Whether a target with a bound meets it (a reported figure always does). */
export function targetMet(target: Target): boolean {
  if (target.bound === undefined) return true
  return target.direction === 'at least'
    ? target.value >= target.bound
    : target.value <= target.bound
}

const fixed = (value: number, digits: number) => value.toFixed(digits)

/** The results table: one row per measured target. */
export function resultsTable(rows: Array<{ label: string; result: LoadResult }>): string {
  const header = [
    'target',
    'req/s (mean)',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'bytes/resp',
    'server µs/resp',
    'requests',
    'non-2xx',
    'errors',
  ]
  const lines = rows.map(({ label, result }) => [
    label,
    fixed(result.requestsPerSecond, 0),
    fixed(result.p50Ms, 2),
    fixed(result.p90Ms, 2),
    fixed(result.p99Ms, 2),
    String(result.bytesPerResponse),
    result.serverCpuUsPerResponse === undefined ? '—' : fixed(result.serverCpuUsPerResponse, 0),
    String(result.requests),
    String(result.non2xx),
    String(result.errors + result.timeouts),
  ])
  return table([header, ...lines])
}

/** The targets with their value, bound and PASS/MISS. */
export function targetsTable(targets: Target[]): string {
  const lines = targets.map((t) => [
    t.name,
    `${fixed(t.value, 2)}${t.unit ?? ''}`,
    t.bound === undefined
      ? '—'
      : `${t.direction === 'at least' ? '≥' : '≤'} ${t.bound}${t.unit ?? ''}`,
    t.bound === undefined ? '' : targetMet(t) ? 'PASS' : 'MISS',
  ])
  return table([['target', 'value', 'bound', ''], ...lines])
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)))
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
  const rule = widths.map((w) => '─'.repeat(w)).join('  ')
  return [format(rows[0]!), rule, ...rows.slice(1).map(format)].join('\n')
}
