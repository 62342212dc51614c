import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import SQLite from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { GroupCommitSqliteDialect, type GroupCommitOptions } from './group-commit.js'
import { asSingleColumn, singleColumnValues } from './single-column.js'

interface Notes {
  notes: { id: string; body: string }
  notes_tags: { note_id: string; tag: string }
}

describe('group commit on SQLite', () => {
  let dir: string
  let path: string
  /** A second connection to the file: it sees only what has been committed. */
  let observer: SQLite.Database

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'portico-group-commit-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  let n = 0
  beforeEach(() => {
    path = join(dir, `db-${++n}.sqlite`)
    const setup = new SQLite(path)
    setup.pragma('journal_mode = WAL')
    setup.exec(`create table notes (id text primary key, body text not null);
      create table notes_tags (note_id text not null references notes (id) deferrable initially deferred, tag text not null)`)
    setup.close()
    observer?.close()
    observer = new SQLite(path, { readonly: true })
  })

  /** Opens the file through the dialect, counting the COMMITs it issues. */
  function open(options?: GroupCommitOptions) {
    const sqlite = new SQLite(path)
    sqlite.pragma('foreign_keys = ON')
    const commits = { count: 0 }
    const db = new Kysely<Notes>({
      dialect: new GroupCommitSqliteDialect(
        {
          prepare: (text) => {
            if (text === 'commit') commits.count++
            return sqlite.prepare(text)
          },
          close: () => sqlite.close(),
          get inTransaction() {
            return sqlite.inTransaction
          },
        },
        options,
      ),
    })
    return { db, commits }
  }

  const committed = (id: string) =>
    observer.prepare('select count(*) as n from notes where id = ?').get(id) as { n: number }

  test('concurrent units share one COMMIT, and each resolves only once its row is committed', async () => {
    // No time bound: cold code (the first statements compile) must not split the batch.
    const { db, commits } = open({ maxOpenMs: 60_000 })
    try {
      const units = Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            trx
              .insertInto('notes')
              .values({ id: `n${i}`, body: 'hello' })
              .execute(),
          )
          .then(() => committed(`n${i}`).n),
      )
      assert.deepEqual(await Promise.all(units), Array(20).fill(1))
      assert.equal(commits.count, 1)
    } finally {
      await db.destroy()
    }
  })

  test('a write outside a transaction waits for its COMMIT too; a failing unit rolls back alone', async () => {
    const { db } = open()
    try {
      const results = await Promise.allSettled([
        db.insertInto('notes').values({ id: 'plain', body: 'one statement' }).execute(),
        db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ id: 'doomed', body: 'rolled back' }).execute()
          throw new Error('the handler failed')
        }),
        db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ id: 'kept', body: 'after the failure' }).execute()
          return committed('plain').n
        }),
      ])
      assert.equal(results[0].status, 'fulfilled')
      assert.equal(results[1].status, 'rejected')
      assert.deepEqual(results[2], { status: 'fulfilled', value: 0 }, 'not yet committed inside')
      assert.deepEqual(
        ['plain', 'doomed', 'kept'].map((id) => committed(id).n),
        [1, 0, 1],
      )
    } finally {
      await db.destroy()
    }
  })

  test('a COMMIT that fails fails every unit in the batch, and nothing of it stays', async () => {
    const { db } = open()
    try {
      const results = await Promise.allSettled([
        db.insertInto('notes').values({ id: 'fine', body: 'innocent' }).execute(),
        // Checked at COMMIT only: the tag's note does not exist.
        db
          .transaction()
          .execute((trx) =>
            trx.insertInto('notes_tags').values({ note_id: 'missing', tag: 'x' }).execute(),
          ),
      ])
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      )
      assert.equal(committed('fine').n, 0)
      // The connection goes on: the next unit commits on its own.
      await db.insertInto('notes').values({ id: 'later', body: 'next batch' }).execute()
      assert.equal(committed('later').n, 1)
    } finally {
      await db.destroy()
    }
  })

  test('a batch commits after maxUnits units even while more wait', async () => {
    const { db, commits } = open({ maxUnits: 4 })
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          db.transaction().execute(async (trx) => {
            // Units that wait on each other: each holds the connection across a turn of the loop.
            await new Promise((resolve) => setImmediate(resolve))
            await trx
              .insertInto('notes')
              .values({ id: `u${i}`, body: 'x' })
              .execute()
          }),
        ),
      )
      assert.ok(commits.count >= 3, `${commits.count} commits for 10 units of at most 4`)
      const [row] = (await sql<{ n: number }>`select count(*) as n from notes`.execute(db)).rows
      assert.equal(row!.n, 10)
    } finally {
      await db.destroy()
    }
  })

  test('a read sees what earlier units of the open batch wrote', async () => {
    const { db, commits } = open({ maxOpenMs: 60_000 })
    try {
      const written = db.insertInto('notes').values({ id: 'first', body: 'x' }).execute()
      const seen = db.selectFrom('notes').select('id').execute()
      await Promise.all([written, seen])
      assert.deepEqual(await seen, [{ id: 'first' }])
      assert.equal(commits.count, 1)
    } finally {
      await db.destroy()
    }
  })

  test('a query marked single-column is answered as values; a copy of it, as rows again', async () => {
    const { db } = open()
    try {
      await db
        .insertInto('notes')
        .values([
          { id: 'a', body: 'x' },
          { id: 'b', body: 'y' },
        ])
        .execute()
      const query = db.selectFrom('notes').select('body').orderBy('id').compile()
      const marked = asSingleColumn({ ...query })
      const answered = await db.executeQuery(marked)
      assert.deepEqual(answered.rows, ['x', 'y'])
      assert.deepEqual(singleColumnValues(answered), ['x', 'y'])
      // A query derived from the marked one (an EXPLAIN, a copy) is not marked.
      assert.deepEqual((await db.executeQuery({ ...marked })).rows, [{ body: 'x' }, { body: 'y' }])
    } finally {
      await db.destroy()
    }
  })

  test('a write after a read survives another connection committing in between', async () => {
    const { db } = open({ maxOpenMs: 60_000 })
    const other = new SQLite(path)
    try {
      await db.insertInto('notes').values({ id: 'mine', body: 'x' }).execute()
      // Reads alone hold no transaction the other writer could outdate.
      assert.equal((await db.selectFrom('notes').select('id').execute()).length, 1)
      other.prepare("insert into notes (id, body) values ('theirs', 'y')").run()
      await db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('notes').select('id').execute()
        await trx
          .insertInto('notes')
          .values({ id: `after-${rows.length}`, body: 'z' })
          .execute()
      })
      assert.deepEqual(observer.prepare('select id from notes order by id').pluck().all(), [
        'after-2',
        'mine',
        'theirs',
      ])
    } finally {
      other.close()
      await db.destroy()
    }
  })
})
