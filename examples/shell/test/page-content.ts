import type { Page } from 'playwright-core'

export interface PageContent {
  /** Every text node of the document and of every shadow root in it, one per line. */
  text: string
  /** Elements the hostile case text would have created had it been parsed as HTML. */
  injected: string[]
  /** What the hostile text's handlers set when they run. */
  pwned: unknown
}

/**
 * Reads the page the way an attacker hopes the browser did not: all text,
 * shadow roots included, and any element that only markup in case text can
 * have made (an `<img src=x>`, a script mentioning `__pwned`, a `<b>bold</b>`,
 * an `onerror` attribute).
 */
export function pageContent(page: Page): Promise<PageContent> {
  // One function with no named inner functions: the page runs its source
  // as it stands, without the helpers a TypeScript loader may add around names.
  return page.evaluate(() => {
    const texts: string[] = []
    const injected: string[] = []
    const stack: Node[] = [document.documentElement]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.nodeType === Node.TEXT_NODE) {
        texts.push(node.nodeValue ?? '')
        continue
      }
      if (node instanceof Element) {
        const tag = node.localName
        const content = node.textContent ?? ''
        if (
          (tag === 'img' && node.getAttribute('src') === 'x') ||
          (tag === 'script' && content.includes('__pwned')) ||
          (tag === 'b' && content === 'bold') ||
          node.hasAttribute('onerror')
        )
          injected.push(node.outerHTML)
        // The shell's own scripts and styles are not text anyone reads.
        if (tag === 'script' || tag === 'style') continue
        if (node.shadowRoot) stack.push(node.shadowRoot)
      }
      for (const child of [...node.childNodes].reverse()) stack.push(child)
    }
    return {
      text: texts.join('\n'),
      injected,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    }
  })
}
