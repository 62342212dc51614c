// Defines every Portico element (<portico-provider>, <portico-invoice-list>, …).
import '@portico/elements'
import { startRouter } from './router.js'
import { applyPorticoTheme } from './theme.js'
import './styles/base.css'
import './app.js'

applyPorticoTheme()
startRouter()
