/**
 * The WAL checkpointer of one SQLite file, on a thread of its own
 * (db/checkpointer.ts): copies committed pages from the WAL into the
 * database and fsyncs, so the event loop never waits on the disk.
 *
 * Plain JavaScript: a worker thread does not inherit the TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

const { path, intervalMs } = workerData
const db = new SQLite(path)
db.pragma('synchronous = NORMAL')

function checkpoint() {
  try {
    // PASSIVE never blocks a writer; what readers still need waits for the next round.
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
}

const timer = setInterval(checkpoint, intervalMs)
parentPort?.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort?.postMessage('stopped')
  parentPort?.close()
})
