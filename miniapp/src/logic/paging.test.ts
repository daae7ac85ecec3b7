import { appendPage, hasMore } from './paging'

describe('hasMore', () => {
  it('is true while rows remain after this page', () => {
    expect(hasMore({ page: 1, pageSize: 20, total: 21 })).toBe(true)
  })

  it('is false on the last page, full or not', () => {
    expect(hasMore({ page: 2, pageSize: 20, total: 40 })).toBe(false)
    expect(hasMore({ page: 3, pageSize: 20, total: 41 })).toBe(false)
    expect(hasMore({ page: 1, pageSize: 20, total: 0 })).toBe(false)
  })

  it('is true when the server says which item to continue after, whatever the count says', () => {
    expect(hasMore({ page: 1, pageSize: 20, total: 20, nextAfter: 57 })).toBe(true)
    expect(hasMore({ page: 1, pageSize: 20, total: 20, nextAfter: undefined })).toBe(false)
  })
})

describe('appendPage', () => {
  it('adds the next page after the rows already shown', () => {
    expect(appendPage([{ id: 1 }, { id: 2 }], [{ id: 3 }], (x) => x.id)).toEqual([
      { id: 1 },
      { id: 2 },
      { id: 3 },
    ])
  })

  it('drops rows repeated because new rows pushed the list down meanwhile', () => {
    const shown = [{ id: 5 }, { id: 4 }]
    expect(appendPage(shown, [{ id: 4 }, { id: 3 }], (x) => x.id).map((x) => x.id)).toEqual([5, 4, 3])
  })
})
