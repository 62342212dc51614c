/**
 * Start-up time: from spawning `node --import tsx src/server.ts` on an
 * already-seeded database to the first 200 from GET /v1/me — what a person
 * waits for after `pnpm start` (the front-end build aside). Median of 5.
 *
 *   node --import tsx bench/startup.ts
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import { systemClock } from '../src/lib/clock.js'
import { newId } from '../src/lib/ids.js'
import { generateSecret, hashSecret } from '../src/lib/secrets.js'

const apiDir = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'portico-startup-'))
const databaseUrl = `file:${join(dir, 'portico.db')}`

// Seed once, and open a session directly so the timed runs need no sign-in.
const database = await prepareDatabase(
  loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }),
  systemClock,
)
const user = await database.db
  .selectFrom('users')
  .select(['id', 'account_id'])
  .limit(1)
  .executeTakeFirstOrThrow()
const token = generateSecret('pst')
const now = new Date()
await database.db
  .insertInto('sessions')
  .values({
    id: newId('sess'),
    token_hash: hashSecret(token),
    user_id: user.id,
    account_id: user.account_id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
    revoked_at: null,
  })
  .execute()
await database.close()

async function timeToFirstMe(port: number): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${port}/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => undefined)
      if (response?.status === 200) return performance.now() - started
      if (performance.now() - started > 30_000)
        throw new Error('the server did not answer within 30 s')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

const samples: number[] = []
for (let i = 0; i < 5; i++) samples.push(await timeToFirstMe(18_800 + i))
samples.sort((a, b) => a - b)
const median = samples[2]!
process.stdout.write(
  `start-up to first 200 from /v1/me (seeded SQLite): median ${median.toFixed(0)} ms ` +
    `(runs: ${samples.map((s) => s.toFixed(0)).join(', ')} ms) — target < 3000 ms: ${median < 3000 ? 'PASS' : 'MISS'}\n`,
)
rmSync(dir, { recursive: true, force: true })
