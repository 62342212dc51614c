import type { Decorator, Preview } from '@storybook/web-components-vite'
import { html } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import { themes } from './themes.js'

/** Wraps every story in a canvas themed the way a host page would theme Portico. */
const withTheme: Decorator = (story, { globals }) => {
  const theme = themes[globals.theme as string] ?? themes.light!
  const style: Record<string, string> = {
    'color-scheme': theme.colorScheme,
    background: theme.canvas,
    padding: '1.5rem',
    'min-height': '100vh',
    'box-sizing': 'border-box',
  }
  for (const [name, value] of Object.entries(theme.tokens)) style[`--portico-${name}`] = value
  return html`<div class="portico-story-canvas" style=${styleMap(style)}>${story()}</div>`
}

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Theme of the Portico elements',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(themes).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the Portico elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'it', title: 'Italiano' },
          { value: 'id', title: 'Bahasa Indonesia' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withTheme],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
}

export default preview
