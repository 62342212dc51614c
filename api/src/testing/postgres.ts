import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * Throwaway PostgreSQL databases for tests. A run creates one template
 * database — migrated and seeded with the demo, as the owner role — and every
 * test app gets a copy of it (`CREATE DATABASE … TEMPLATE`, a file copy: far
 * faster than migrating and seeding again), dropped when the app closes.
 *
 * The roles mirror production: `portico_test_owner` owns the schema (and, like
 * any owner that seeds or migrates data, has BYPASSRLS); `portico_test_app`
 * is what the API connects as, bound by row-level security.
 */
export const TEST_OWNER_ROLE = 'portico_test_owner'
export const TEST_APP_ROLE = 'portico_test_app'

/** A superuser connection to the server's maintenance database. */
export function adminUrl(): string {
  return process.env.PORTICO_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
}

/** The same server as the admin URL, another role and database. */
export function databaseUrl(role: string, database: string): string {
  const url = new URL(adminUrl())
  url.username = role
  url.password = ''
  url.pathname = `/${database}`
  return url.toString()
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe identifier ${name}`)
  return `"${name}"`
}

/** Whether the admin URL answers; the reason when it does not. */
export async function postgresReachable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await withAdmin((client) => client.query('select 1'))
    return { ok: true }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** Creates the owner and app roles once per server (they are cluster-wide). */
export async function ensureTestRoles(): Promise<void> {
  await withAdmin(async (client) => {
    for (const [role, attributes] of [
      [TEST_OWNER_ROLE, 'login bypassrls nosuperuser'],
      [TEST_APP_ROLE, 'login nobypassrls nosuperuser'],
    ] as const) {
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role])
      // Two runs may race to create a role: the loser's error is harmless.
      if (!rowCount) {
        await client.query(`create role ${ident(role)} ${attributes}`).catch((error: unknown) => {
          if ((error as { code?: string }).code !== '23505') throw error
        })
      }
    }
  })
}

/** A new, empty database owned by the owner role. */
export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdmin((client) =>
    client.query(
      `create database ${ident(name)} owner ${ident(TEST_OWNER_ROLE)}${template ? ` template ${ident(template)}` : ''}`,
    ),
  )
}

/** Drops a database, ending any session still connected to it. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`drop database if exists ${ident(name)} with (force)`))
}

/** Drops every database whose name starts with `prefix` (what a crashed run left behind). */
export async function dropDatabasesLike(prefix: string): Promise<number> {
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    )
    for (const { datname } of rows) {
      await client.query(`drop database if exists ${ident(datname)} with (force)`)
    }
    return rows.length
  })
}

/** A unique database name under `prefix`. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex')}`
}

/** The environment variable naming the run's template database; set by the Postgres test run. */
export const TEMPLATE_ENV = 'PORTICO_TEST_PG_TEMPLATE'

/**
 * A copy of the run's template for one test app, with the URLs to reach it
 * as the app role and as the owner.
 */
export async function testDatabaseFromTemplate(template: string) {
  const name = uniqueDatabaseName(`${template}_`)
  await createDatabase(name, template)
  return {
    name,
    appUrl: databaseUrl(TEST_APP_ROLE, name),
    ownerUrl: databaseUrl(TEST_OWNER_ROLE, name),
    drop: () => dropDatabase(name),
  }
}
