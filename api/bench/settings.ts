/**
 * Every knob of the benchmark, read from the environment in one place.
 * Defaults are the full run; `BENCH_DURATION=2 BENCH_INVOICES=100000 pnpm bench`
 * is a quick smoke run.
 */
export interface BenchSettings {
  /** The large database: invoices and the accounts they are spread over. */
  large: DatasetSize
  /**
   * The small database. Its accounts hold as many invoices each as the large
   * one's, so the benchmarked account's pages are the same length and depth
   * in both: the comparison isolates the cost of the *table* size.
   */
  small: DatasetSize
  /** Seconds of measured load per target, and of warm-up before it. */
  durationSeconds: number
  warmupSeconds: number
  /** Times the three targets are measured, interleaved; the report gives medians. */
  rounds: number
  connections: number
  /** Page size of the measured list request. */
  limit: number
  /** 1-based pages of the account's list the load rotates through. */
  pages: number[]
}

export interface DatasetSize {
  invoices: number
  accounts: number
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw.replaceAll('_', ''))
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`)
  }
  return value
}

export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const invoices = positiveInt(env, 'BENCH_INVOICES', 1_000_000)
  const accounts = positiveInt(env, 'BENCH_ACCOUNTS', 2_000)
  const perAccount = Math.floor(invoices / accounts)
  const smallInvoices = positiveInt(env, 'BENCH_SMALL_INVOICES', 10_000)
  const smallAccounts = positiveInt(
    env,
    'BENCH_SMALL_ACCOUNTS',
    Math.max(1, Math.floor(smallInvoices / Math.max(1, perAccount))),
  )
  const pages = (env.BENCH_PAGES ?? '1,2,4,7,10').split(',').map((p) => Number(p.trim()))
  if (pages.some((p) => !Number.isInteger(p) || p < 1)) {
    throw new Error(`BENCH_PAGES must list 1-based page numbers, got "${env.BENCH_PAGES}"`)
  }
  return {
    large: { invoices, accounts },
    small: { invoices: smallInvoices, accounts: smallAccounts },
    durationSeconds: positiveInt(env, 'BENCH_DURATION', 10),
    warmupSeconds: positiveInt(env, 'BENCH_WARMUP', 3),
    rounds: positiveInt(env, 'BENCH_ROUNDS', 1),
    connections: positiveInt(env, 'BENCH_CONNECTIONS', 50),
    limit: positiveInt(env, 'BENCH_LIMIT', 50),
    pages,
  }
}
