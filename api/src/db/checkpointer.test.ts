import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from './connect.js'

test('a SQLite file’s WAL is checkpointed into the database by the background thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-checkpoint-'))
  const path = join(dir, 'portico.db')
  const handle = openDatabase(`file:${path}`)
  try {
    await sql`create table blobs (id integer primary key, body text not null)`.execute(handle.db)
    // ~4 MB in 1,000 commits: far below the connection's own backstop, so
    // only the background thread can have copied it into the database file.
    for (let i = 0; i < 1_000; i++)
      await sql`insert into blobs (body) values (${'x'.repeat(4_000)})`.execute(handle.db)
    const deadline = Date.now() + 5_000
    while (statSync(path).size < 4_000_000 && Date.now() < deadline) await sleep(50)
    assert.ok(statSync(path).size >= 4_000_000, `database file ${statSync(path).size} bytes`)
    const [row] = (await sql<{ n: number }>`select count(*) as n from blobs`.execute(handle.db))
      .rows
    assert.equal(Number(row!.n), 1_000)
  } finally {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('closing the database stops its checkpoint thread, and the data stays', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-checkpoint-'))
  const url = `file:${join(dir, 'portico.db')}`
  try {
    const first = openDatabase(url)
    await sql`create table notes (body text not null)`.execute(first.db)
    await sql`insert into notes values ('kept')`.execute(first.db)
    await first.close()
    const again = openDatabase(url)
    const { rows } = await sql<{ body: string }>`select body from notes`.execute(again.db)
    await again.close()
    assert.deepEqual(rows, [{ body: 'kept' }])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
