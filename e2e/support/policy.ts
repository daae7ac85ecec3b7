import { refusedByPolicy } from './browser'

// Runs before the test file's own afterAll closes its browsers; the refusals were collected as they came.
afterAll(() => {
  if (refusedByPolicy.length > 0)
    throw new Error(`the H5 app broke the content security policy:\n${refusedByPolicy.join('\n')}`)
})
