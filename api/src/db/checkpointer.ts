import { Worker } from 'node:worker_threads'

/** How often the background thread checkpoints: about a batch of commits' worth of WAL. */
const CHECKPOINT_INTERVAL_MS = 100

/**
 * WAL pages after which the connection checkpoints by itself, on the event
 * loop: a backstop should the background thread fall behind or be gone.
 * SQLite's default, 1,000, would run most checkpoints here.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 20_000

export interface Checkpointer {
  stop(): Promise<void>
}

/**
 * Checkpoints a SQLite file's WAL on a worker thread. A checkpoint copies
 * the pages committed to the WAL into the database file and fsyncs both —
 * on the event loop (SQLite's automatic checkpoint, every 1,000 pages) that
 * fsync stalled every request in flight; measured on the payment webhooks,
 * it was most of the cost of a commit. Commits themselves only append to
 * the WAL (`synchronous = NORMAL`): durable against a crash of the process,
 * as before.
 */
export function startCheckpointer(
  path: string,
  onError: (message: string) => void = (message) =>
    process.stderr.write(`SQLite checkpoint failed: ${message}\n`),
): Checkpointer {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS },
  })
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (message: unknown) => {
      if (message === 'stopped') resolve()
      else if (typeof message === 'object' && message && 'error' in message)
        onError(String(message.error))
    })
    worker.on('exit', () => resolve())
    worker.on('error', (error) => {
      onError(error.message)
      resolve()
    })
  })
  // A process that forgets to close its database still exits. (After the
  // listeners: attaching a 'message' listener refs the worker again.)
  worker.unref()
  return {
    async stop() {
      // Held while it stops: an unreferenced worker alone would let the process exit mid-close.
      worker.ref()
      worker.postMessage('stop')
      await stopped
    },
  }
}
