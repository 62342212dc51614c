import type { StorybookConfig } from '@storybook/web-components-vite'

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // The elements and the stories must share one Lit.
    viteConfig.resolve = { ...viteConfig.resolve, dedupe: ['lit', '@lit/context'] }
    // Storybook's own manager and preview runtime are large by nature.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 2048 }
    return viteConfig
  },
}

export default config
