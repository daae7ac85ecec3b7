import type { PropsWithChildren } from 'react'
import './app.scss'
import './platform/platformStyles'
import { watchPrivacyAuthorization } from './platform/privacy'

// before any page calls an API WeChat guards with the privacy guide
watchPrivacyAuthorization()

function App({ children }: PropsWithChildren) {
  // children are the pages
  return children
}

export default App
