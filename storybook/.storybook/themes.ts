import type { ThemeTokens } from '@portico/elements'

/** A theme as a page applies it: a colour scheme plus token overrides. */
export interface StoryTheme {
  title: string
  colorScheme: 'light' | 'dark'
  /** Page background around the element (Storybook only, not a Portico token). */
  canvas: string
  tokens: Partial<ThemeTokens>
}

export const themes: Record<string, StoryTheme> = {
  light: { title: 'Light', colorScheme: 'light', canvas: '#f3f4f6', tokens: {} },
  // No overrides: the elements' own dark defaults, chosen by `color-scheme`.
  dark: { title: 'Dark', colorScheme: 'dark', canvas: '#020617', tokens: {} },
  // A white-label partner's brand: safety orange on warm steel greys, a
  // condensed industrial face, square corners.
  acme: {
    title: 'Acme Steel (white label)',
    colorScheme: 'light',
    canvas: '#e7e5e4',
    tokens: {
      'color-primary': '#c2410c',
      'color-on-primary': '#ffffff',
      'color-text': '#1c1917',
      'color-muted': '#57534e',
      'color-surface': '#fafaf9',
      'color-border': '#a8a29e',
      'color-danger': '#b91c1c',
      'color-success': '#166534',
      'color-warning': '#854d0e',
      radius: '0px',
      'font-family': '"Liberation Sans Narrow", "Arial Narrow", "Roboto Condensed", sans-serif',
      'font-size-sm': '0.9375rem',
      'font-size-md': '1.0625rem',
    },
  },
}
