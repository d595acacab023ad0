import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

const api = 'http://127.0.0.1:8080'

/**
 * The Utrecht React components are one module in which every component ends with `X.displayName = 'X'`.
 * Rollup must keep such property writes (the object could have a setter), and with them every component, so the
 * whole library lands in the bundle. The production build drops these lines (they only name components in React
 * DevTools), and the unused components are tree-shaken away.
 */
function dropUtrechtDisplayNames(): Plugin {
  return {
    name: 'meedoen:drop-utrecht-display-names',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]@utrecht[\\/][^\\/]+-react[\\/]dist[\\/].*\.mjs$/.test(id)) return null
      return { code: code.replace(/^[A-Za-z0-9_$]+\.displayName = [^;\n]*;$/gm, ''), map: null }
    },
  }
}

export default defineConfig({
  plugins: [react(), dropUtrechtDisplayNames()],
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
})
