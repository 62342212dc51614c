/**
 * One summary line per quality gate, printed when its suite ends, so a run
 * of `pnpm test` shows what the gates covered:
 *   gate fuzz: 3 operations fuzzed, 600 requests sent, 0 5xx, 0 undocumented responses
 */
export function reportGate(gate: string, figures: Record<string, number>): void {
  const parts = Object.entries(figures).map(([label, value]) => `${value} ${label}`)
  process.stdout.write(`gate ${gate}: ${parts.join(', ')}\n`)
}
