import { ensureContextRoot } from '../provider/portico-context.js'
import { PorticoActivityFeed } from './activity-feed.js'

export * from './activity-feed.js'
export * from './activity-feed.controller.js'
export * from './activity-feed.messages.js'

ensureContextRoot()
if (!customElements.get('portico-activity-feed')) {
  customElements.define('portico-activity-feed', PorticoActivityFeed)
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-activity-feed': PorticoActivityFeed
  }
}
