/**
 * `pnpm bench:cases-crm`: `GET /v1/cases` on the real server with cases kept
 * in Salesforce (a local Salesforce speaking its wire format, the list
 * warmed first) against the same server with the built-in store, in one
 * run. The API answers lists from Portico's own rows whichever connector
 * holds the cases, so the two should serve alike; the Salesforce requests
 * made during the measured run are counted to show the read path never
 * waits on it.
 *
 *   pnpm --filter @portico/api bench:cases-crm
 *   BENCH_DURATION=3 BENCH_WARMUP=1 pnpm --filter @portico/api bench:cases-crm   quick run
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChildServer, type ChildServer } from '../src/testing/child-server.js'
import { startFakeSalesforce } from '../src/testing/fake-salesforce.js'
import { measureLoad } from './load.js'
import { benchServerNodeArgs } from './processes.js'
import { loadBenchSettings } from './settings.js'

const BUYER = 'einkauf@brandt-maschinenbau.de'
const log = (line = '') => process.stdout.write(`${line}\n`)

function startServer(dir: string, name: string, env: Record<string, string>): Promise<ChildServer> {
  return startChildServer({
    nodeArgs: benchServerNodeArgs(),
    name,
    script: 'src/server.ts',
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
      PORTICO_SECRET: 'bench-secret-not-for-production-0123456789abcdef',
      PORTICO_SEED_DEMO: 'true',
      PORTICO_ERP_SIMULATOR: 'false',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    ready: /running at http:\/\/localhost:(\d+)/,
  })
}

async function bearer(server: ChildServer): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BUYER, password: 'portico-demo' }),
  })
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` }
}

async function main() {
  const settings = loadBenchSettings()
  const dir = mkdtempSync(join(tmpdir(), 'portico-bench-cases-crm-'))
  const sf = await startFakeSalesforce()
  const servers: ChildServer[] = []
  try {
    servers.push(await startServer(dir, 'builtin', { PORTICO_CRM: 'portico' }))
    servers.push(
      await startServer(dir, 'salesforce', {
        PORTICO_CRM: 'salesforce',
        SALESFORCE_LOGIN_URL: sf.url,
        SALESFORCE_USERNAME: 'integration@portico.example',
        SALESFORCE_PASSWORD: 'bench',
      }),
    )
    const results: Array<{
      label: string
      rps: number
      p99: number
      non2xx: number
      sfRequests: number
    }> = []
    for (const server of servers) {
      const headers = await bearer(server)
      const path = '/v1/cases?limit=20'
      const warm = await fetch(`${server.url}${path}`, { headers })
      if (warm.status !== 200)
        throw new Error(`${server.name}: GET ${path} answered ${warm.status}`)
      const before = sf.requests.length
      const { result } = await measureLoad({
        url: server.url,
        requests: [{ path, headers }],
        connections: settings.connections,
        durationSeconds: settings.durationSeconds,
        warmupSeconds: settings.warmupSeconds,
      })
      results.push({
        label: server.name === 'builtin' ? 'built-in store' : 'Salesforce connector (warm)',
        rps: result.requestsPerSecond,
        p99: result.p99Ms,
        non2xx: result.non2xx,
        sfRequests: sf.requests.length - before,
      })
    }
    log('GET /v1/cases?limit=20, one buyer, autocannon')
    log(
      `connections ${settings.connections}, ${settings.durationSeconds} s measured after ${settings.warmupSeconds} s warm-up\n`,
    )
    log('| target | req/s | p99 ms | non-2xx | Salesforce requests |')
    log('| --- | ---: | ---: | ---: | ---: |')
    for (const r of results)
      log(
        `| ${r.label} | ${Math.round(r.rps)} | ${r.p99.toFixed(2)} | ${r.non2xx} | ${r.sfRequests} |`,
      )
    log(`\nSalesforce / built-in: ${(results[1]!.rps / results[0]!.rps).toFixed(2)}`)
  } finally {
    for (const server of servers) await server.stop()
    await sf.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
