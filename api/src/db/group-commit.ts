import type SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely'
import { valuesResult, wantsSingleColumn } from './single-column.js'

/**
 * Group commit for the embedded database. SQLite has one connection and one
 * writer, so the work of concurrent requests already runs one unit after
 * the other; what each unit pays on its own is its COMMIT — every page it
 * dirtied (a row, and a leaf of each of the table's indexes) copied into the
 * write-ahead log with its checksum. Units that follow each other closely
 * dirty the same pages (new orders, events and outbox rows all land on the
 * right-most leaves), so one COMMIT for all of them writes those pages once.
 *
 * Work that may write runs inside one open SQLite transaction, the batch,
 * begun IMMEDIATE (holding the write lock, so another process's commit can
 * never make it fail halfway); each Kysely transaction is a savepoint in it
 * (rolled back alone when it fails) and each statement outside one simply
 * runs in it. A SELECT while no batch is open runs on its own and takes no
 * lock another writer would wait for. A request's database
 * work runs on promise callbacks, start to end, without letting the event
 * loop take another socket in between — so units never queue for the
 * connection by themselves, and the batch commits in the event loop's
 * check phase (`setImmediate`) instead: after every request whose bytes
 * arrived in the same turn of the loop has run its units. It commits
 * sooner when it holds `maxUnits` units that wrote or has been open
 * `maxOpenMs`.
 *
 * Nothing is acknowledged before it is committed: a unit that wrote (a
 * transaction, or a statement that changed rows) resolves only after the
 * COMMIT that covers it, and if that COMMIT fails every unit in the batch
 * fails with it. A read sees what earlier units in the open batch wrote — on
 * one connection those writes are already visible — a few milliseconds
 * before they are durable; anything that acts on such a read outside the
 * database (delivering an outbox row) writes first (its claim), and so
 * waits for the same COMMIT.
 */
export interface GroupCommitOptions {
  /** Units of work one COMMIT covers at most. */
  maxUnits?: number
  /** How long a batch may stay open while others wait, in milliseconds. */
  maxOpenMs?: number
}

const UNIT_SAVEPOINT = 'portico_unit'

interface Batch {
  openedAt: number
  /** Units that wrote in this batch and wait for its COMMIT. */
  units: number
  durable: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

/** What the dialect needs of a better-sqlite3 database (a statement cache in front is fine). */
export interface SqliteHandle {
  prepare(sql: string): SQLite.Statement
  close(): void
  readonly inTransaction: boolean
}

/** A Kysely dialect for better-sqlite3 that commits concurrent work together. */
export class GroupCommitSqliteDialect implements Dialect {
  constructor(
    private readonly sqlite: SqliteHandle,
    private readonly options: GroupCommitOptions = {},
  ) {}

  createDriver(): Driver {
    return new GroupCommitDriver(this.sqlite, this.options)
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler()
  }
  createAdapter() {
    return new SqliteAdapter()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db)
  }
}

class GroupCommitDriver implements Driver {
  readonly #sqlite: SqliteHandle
  readonly #maxUnits: number
  readonly #maxOpenMs: number
  readonly #lock = new FifoLock()
  readonly #connection: DatabaseConnection
  #batch: Batch | undefined
  /** Whether the unit holding the connection has written. */
  #wrote = false
  /** A commit is scheduled for the check phase. */
  #scheduled = false
  /** The check phase came while a unit held the connection: commit when it lets go. */
  #commitWhenFree = false

  constructor(sqlite: SqliteHandle, options: GroupCommitOptions) {
    this.#sqlite = sqlite
    this.#maxUnits = options.maxUnits ?? 64
    this.#maxOpenMs = options.maxOpenMs ?? 5
    this.#connection = {
      executeQuery: async <R>(query: CompiledQuery) => this.#execute<R>(query),
      streamQuery: <R>(query: CompiledQuery) => this.#stream<R>(query),
    }
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire()
    this.#wrote = false
    // A batch kept open for this unit that has grown old commits first, so
    // a long unit never holds back what earlier ones wrote.
    if (this.#batch && this.#due(this.#batch)) this.#commit()
    return this.#connection
  }

  async beginTransaction() {
    this.#run(`savepoint ${UNIT_SAVEPOINT}`)
  }

  async commitTransaction() {
    this.#run(`release ${UNIT_SAVEPOINT}`)
  }

  async rollbackTransaction() {
    if (!this.#batch) return // the batch failed under it: nothing left to undo
    this.#run(`rollback to ${UNIT_SAVEPOINT}`)
    this.#run(`release ${UNIT_SAVEPOINT}`)
  }

  async savepoint(_connection: DatabaseConnection, name: string) {
    this.#run(`savepoint ${quote(name)}`)
  }

  async rollbackToSavepoint(_connection: DatabaseConnection, name: string) {
    this.#run(`rollback to ${quote(name)}`)
  }

  async releaseSavepoint(_connection: DatabaseConnection, name: string) {
    this.#run(`release ${quote(name)}`)
  }

  async releaseConnection(): Promise<void> {
    const batch = this.#batch
    const waitFor = batch && this.#wrote ? batch.durable : undefined
    if (waitFor) batch!.units++
    if (batch) {
      if (this.#due(batch) || (this.#commitWhenFree && this.#lock.waiting === 0)) this.#commit()
      else this.#schedule()
    }
    this.#lock.release()
    await waitFor
  }

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      if (!this.#batch) return
      if (this.#lock.tryAcquire()) {
        this.#commit()
        this.#lock.release()
      } else {
        // Never in the middle of a unit: its savepoint would commit half done.
        this.#commitWhenFree = true
      }
    })
  }

  async destroy() {
    await this.#lock.acquire()
    if (this.#batch) this.#commit()
    this.#sqlite.close()
  }

  #due(batch: Batch): boolean {
    return batch.units >= this.#maxUnits || performance.now() - batch.openedAt >= this.#maxOpenMs
  }

  #open(): void {
    if (this.#batch) return
    // IMMEDIATE: the batch holds the write lock from its first statement. A
    // deferred batch that read first would have to upgrade to write later,
    // and if another process (a job runner, the CLI) committed in between,
    // SQLite refuses the upgrade at once (SQLITE_BUSY, which busy_timeout
    // does not wait out) — failing every unit of the batch. Taking the lock
    // up front waits for the other writer instead (busy_timeout). Only work
    // that may write opens a batch (see #guard), so reads never hold it.
    this.#sqlite.prepare('begin immediate').run()
    let resolve!: () => void
    let reject!: (error: unknown) => void
    const durable = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })
    // A batch nobody wrote in may fail unheard.
    durable.catch(() => {})
    this.#batch = { openedAt: performance.now(), units: 0, durable, resolve, reject }
  }

  #commit(): void {
    const batch = this.#batch!
    this.#batch = undefined
    this.#commitWhenFree = false
    try {
      this.#sqlite.prepare('commit').run()
      batch.resolve()
    } catch (error) {
      if (this.#sqlite.inTransaction) this.#sqlite.prepare('rollback').run()
      batch.reject(error)
    }
  }

  /**
   * Runs a statement in the batch; a failure that ended SQLite's transaction
   * fails the batch. A statement that may write (anything but a SELECT, a
   * transaction's savepoint) opens the batch when none is open; a read with
   * no batch open runs on its own, as SQLite's autocommit read, and takes
   * no write lock.
   */
  #guard<T>(fn: () => T, mayWrite = true): T {
    if (mayWrite) this.#open()
    try {
      return fn()
    } catch (error) {
      if (this.#batch && !this.#sqlite.inTransaction) {
        // SQLite rolled the whole transaction back (disk full, I/O error):
        // every unit in it has lost its writes.
        const batch = this.#batch
        this.#batch = undefined
        batch.reject(error)
      }
      throw error
    }
  }

  #run(sql: string): void {
    this.#guard(() => this.#sqlite.prepare(sql).run())
  }

  #execute<R>(query: CompiledQuery): QueryResult<R> {
    // Anything but a SELECT may have written (an INSERT … RETURNING reads
    // rows back, DDL changes none): its unit waits for the COMMIT.
    const mayWrite = query.query.kind !== 'SelectQueryNode'
    if (mayWrite) this.#wrote = true
    return this.#guard(() => {
      const statement = this.#sqlite.prepare(query.sql)
      const parameters = query.parameters as unknown[]
      if (statement.reader && wantsSingleColumn(query)) {
        // The statement is cached and shared: back to whole rows for the next user.
        statement.pluck(true)
        try {
          return valuesResult<R>(statement.all(parameters))
        } finally {
          statement.pluck(false)
        }
      }
      if (statement.reader) return { rows: statement.all(parameters) as R[] }
      const { changes, lastInsertRowid } = statement.run(parameters)
      return {
        numAffectedRows: BigInt(changes),
        insertId: lastInsertRowid === undefined ? undefined : BigInt(lastInsertRowid),
        rows: [],
      }
    }, mayWrite)
  }

  async *#stream<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.#guard(() => this.#sqlite.prepare(query.sql), false)
    if (!statement.reader) throw new Error('Only queries that return rows can be streamed')
    for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row as R] }
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** A lock handed to waiters in the order they asked; it knows how many wait. */
class FifoLock {
  #held = false
  readonly #queue: Array<() => void> = []

  get waiting(): number {
    return this.#queue.length
  }

  /** Takes the lock if it is free, at once. */
  tryAcquire(): boolean {
    if (this.#held) return false
    this.#held = true
    return true
  }

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.#queue.push(resolve))
  }

  release(): void {
    const next = this.#queue.shift()
    if (next) next()
    else this.#held = false
  }
}
