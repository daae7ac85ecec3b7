import { pageImagePath } from './pageImage'

describe('the certificate page image', () => {
  it('is asked for beside the PDF it is drawn from', () => {
    expect(pageImagePath('/api/villages/3/certificates/requests/12/pdf')).toBe(
      '/api/villages/3/certificates/requests/12/page.png',
    )
  })
})
