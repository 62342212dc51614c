import { html, svg, type TemplateResult } from 'lit'

// Icons of the elements: 24×24 strokes in `currentColor`, hidden from
// assistive tech. One export each, so a bundle carries only the icons its
// elements draw.

export const alertIcon = svg`<path d="M12 9v4m0 4h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"/>`
export const lockIcon = svg`<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`
export const documentIcon = svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z"/><path d="M14 3v5h5M9 13h6M9 17h4"/>`
export const boxIcon = svg`<path d="m21 8-9-5-9 5v8l9 5 9-5Z"/><path d="m3 8 9 5 9-5M12 13v8"/>`
export const searchIcon = svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>`
export const cardIcon = svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 10h18M7 15h3"/>`
export const commentIcon = svg`<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12Z"/>`
export const checkIcon = svg`<path d="m5 12.5 4.5 4.5L19 7.5"/>`
export const truckIcon = svg`<path d="M3 6h11v10H3zM14 10h4l3 3v3h-7"/><circle cx="7" cy="17.5" r="1.5"/><circle cx="17" cy="17.5" r="1.5"/>`
export const crossIcon = svg`<path d="M6 6l12 12M18 6 6 18"/>`
export const minusIcon = svg`<path d="M5 12h14"/>`
export const plusIcon = svg`<path d="M12 5v14M5 12h14"/>`

/** Renders an icon. */
export function icon(paths: TemplateResult<2>, className = '') {
  return html`<svg
    class=${className}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.75"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    ${paths}
  </svg>`
}
