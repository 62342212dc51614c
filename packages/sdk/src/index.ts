export {
  createPortalClient,
  type PortalClient,
  type PortalClientOptions,
  type PortalPaths,
} from './client.js'
export { PortalApiError, type FieldError, type Problem } from './errors.js'
export type { EventSubscription, PortalEvent, PortalEvents, SubscribeOptions } from './events.js'
export { newIdempotencyKey } from './middleware.js'
export { paginate, type ListItem, type ListPath } from './paginate.js'
export type { RetryOptions } from './retry.js'
export type { components, operations, paths } from './schema.js'
export { unwrap } from './unwrap.js'

import type { components } from './schema.js'
/** The API's named schemas: `Schemas['Invoice']`, `Schemas['Me']`, … */
export type Schemas = components['schemas']
