import type { PropsWithChildren } from 'react'
import './app.scss'
import './platform/platformStyles'

function App({ children }: PropsWithChildren) {
  // children are the pages
  return children
}

export default App
