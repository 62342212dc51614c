import { createApp } from '../app.js'
import { loadConfig } from '../config.js'
import { systemClock } from '../lib/clock.js'
import { createLogger } from '../lib/logger.js'
import { OPENAPI_INFO } from './document.js'

/**
 * The OpenAPI 3.1 document as the code defines it. Building the app does no
 * I/O, so no database is needed: the routes only register their schemas.
 */
export function openApiDocument(): ReturnType<
  ReturnType<typeof createApp>['getOpenAPI31Document']
> {
  const app = createApp({
    db: undefined as never,
    config: loadConfig({ NODE_ENV: 'test' }),
    clock: systemClock,
    logger: createLogger('silent'),
    eventHub: undefined as never,
    documents: undefined as never,
  })
  return app.getOpenAPI31Document(OPENAPI_INFO)
}

/** The committed file's exact text: stable key order from the code, two-space JSON. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`
}
