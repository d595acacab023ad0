import '@utrecht/component-library-css/dist/index.css'
import '@utrecht/design-tokens/dist/theme.css'
import './theme.css'
import './i18n'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing')
document.body.classList.add('utrecht-theme', 'meedoen-theme', 'utrecht-document', 'utrecht-body')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
