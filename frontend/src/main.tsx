import '@utrecht/component-library-css/dist/index.css'
import '@utrecht/design-tokens/dist/theme.css'
import './theme.css'
import '@fontsource/noto-sans/latin-400.css'
import '@fontsource/noto-sans/latin-600.css'
import '@fontsource/noto-sans/latin-700.css'
import { restoreTheme } from './features/site/theme'
import './i18n'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing')
document.body.classList.add('utrecht-theme', 'meedoen-theme', 'utrecht-document', 'utrecht-body')
// The municipality's colours of the last visit, until /site has answered (the layout applies its theme then).
restoreTheme()

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
