import type { DocumentStore } from '../../connectors/storage/index.js'
import type { MultipartFile } from '../../http/multipart.js'
import type { UploadMeter } from './upload-meter.js'

/**
 * Streams an uploaded file part into the store through its meter (sniffed
 * type, size limit, SHA-256) — the one upload path of ERP documents and
 * case attachments. Resolves with the key and size once the bytes are
 * durable; when the meter refuses the file or the client goes away, the
 * store keeps nothing and this rejects with the meter's ApiError.
 */
export async function stageUpload<T extends string>(
  store: DocumentStore,
  file: MultipartFile,
  meter: UploadMeter<T>,
): Promise<{ key: string; size: number }> {
  // The store learns of a failure from the stream's state (pipeline and
  // finished() read it); this listener only keeps a failure in the very first
  // chunk — over the limit at once — from being an unhandled 'error' before
  // the store has attached.
  meter.on('error', () => {})
  // pipe() does not forward a source's error: a client that goes away mid-file fails the meter.
  file.stream.once('error', (error) => meter.destroy(error))
  // The store's content type is only a label in its own listing: what is
  // served is the sniffed type kept in the row.
  const storing = store.put(meter, { contentType: 'application/octet-stream' })
  file.stream.pipe(meter)
  return storing
}
