/** Structured JSON-lines logging to stdout/stderr; quiet in tests. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  debug(message: string, fields?: Record<string, unknown>): void
}

const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const

export function createLogger(level: keyof typeof LEVELS): Logger {
  const threshold = LEVELS[level]
  const write = (
    lvl: 'error' | 'info' | 'debug',
    message: string,
    fields?: Record<string, unknown>,
  ) => {
    if (LEVELS[lvl] > threshold) return
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, message }
    for (const [key, value] of Object.entries(fields ?? {})) {
      entry[key] =
        value instanceof Error
          ? { name: value.name, message: value.message, stack: value.stack }
          : value
    }
    ;(lvl === 'error' ? process.stderr : process.stdout).write(`${JSON.stringify(entry)}\n`)
  }
  return {
    info: (m, f) => write('info', m, f),
    error: (m, f) => write('error', m, f),
    debug: (m, f) => write('debug', m, f),
  }
}
