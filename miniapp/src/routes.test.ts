import { isTabRoute, normalizeLink, withQuery } from './routes'

describe('routes', () => {
  it('adds a query string to a page path', () => {
    expect(withQuery('/pages/inbox/index', { villageId: 3 })).toBe('/pages/inbox/index?villageId=3')
    expect(withQuery('/pages/inbox/index', {})).toBe('/pages/inbox/index')
  })

  it('knows which links are tab pages, with or without a leading slash or query', () => {
    expect(isTabRoute('pages/mine/index')).toBe(true)
    expect(isTabRoute('/pages/home/index?from=inbox')).toBe(true)
    expect(isTabRoute('/pages/verify/index')).toBe(false)
  })

  it('adds the leading slash a notification link may lack', () => {
    expect(normalizeLink(' pages/verify/index ')).toBe('/pages/verify/index')
  })
})
