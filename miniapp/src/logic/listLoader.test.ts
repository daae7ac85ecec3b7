import type { Page } from '@xiangli/shared'
import { ListLoader, byNextAfter, byPageNumber, emptyList, type ListState, type Paging } from './listLoader'

interface Row {
  id: number
}

/** The loader over a plain variable, as usePagedList / useKeysetList run it over React state. */
function loaderOf<C>(paging: Paging<C>) {
  let state: ListState<Row, C> = emptyList(true)
  const loader = new ListLoader<Row, C>(
    paging,
    () => state,
    (change) => {
      state = change(state)
    },
    () => (r) => r.id,
    (e) => e,
  )
  return { loader, state: () => state }
}

const rows = (from: number, n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: from - i }))

/** What the 村民说事 lists answer: newest first, `nextAfter` while more remain, a capped total. */
function keysetServer(all: Row[], pageSize: number) {
  const asked: (number | null)[] = []
  const fetch = async (after: number | null): Promise<Page<Row>> => {
    asked.push(after)
    const start = after === null ? 0 : all.findIndex((r) => r.id === after) + 1
    const items = all.slice(start, start + pageSize)
    const more = start + pageSize < all.length
    return {
      items,
      total: all.length,
      page: 1,
      pageSize,
      ...(more ? { nextAfter: items[items.length - 1]!.id } : {}),
    }
  }
  return { fetch, asked }
}

describe('a list paged by key (村民说事)', () => {
  it('asks the second page after the nextAfter of the first, never page=2', async () => {
    const server = keysetServer(rows(500, 45), 20)
    const { loader, state } = loaderOf(byNextAfter)
    await loader.reload(server.fetch)
    expect(server.asked).toEqual([null])
    expect(state().items.map((r) => r.id)).toEqual(rows(500, 20).map((r) => r.id))
    expect(state().next).toBe(481)

    await loader.loadMore(server.fetch)
    expect(server.asked).toEqual([null, 481])
    await loader.loadMore(server.fetch)
    expect(server.asked).toEqual([null, 481, 461])
    expect(state().items).toHaveLength(45)
    // the last page came without nextAfter: nothing more to ask
    expect(state().next).toBeNull()
    await loader.loadMore(server.fetch)
    expect(server.asked).toHaveLength(3)
  })

  it('stops after the first page when the server says no more, whatever the total says', async () => {
    const fetch = jest.fn(async () => ({
      items: rows(9, 3),
      total: 2000,
      page: 1,
      pageSize: 20,
      totalAtLeast: true,
    }))
    const { loader, state } = loaderOf(byNextAfter)
    await loader.reload(fetch)
    await loader.loadMore(fetch)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(state().next).toBeNull()
  })

  it('starts again from the first page on a reload, and drops a later page that arrives after it', async () => {
    const server = keysetServer(rows(100, 60), 20)
    const { loader, state } = loaderOf(byNextAfter)
    await loader.reload(server.fetch)
    const late = loader.loadMore(server.fetch)
    await loader.reload(server.fetch)
    await late
    expect(server.asked).toEqual([null, 81, null])
    expect(state().items.map((r) => r.id)).toEqual(rows(100, 20).map((r) => r.id))
    expect(state().next).toBe(81)
  })

  it('keeps the rows shown when a later page fails, and asks the same page again on 重试', async () => {
    const server = keysetServer(rows(50, 30), 20)
    let fail = true
    const flaky = async (after: number | null) => {
      if (after !== null && fail) {
        fail = false
        throw new Error('network')
      }
      return server.fetch(after)
    }
    const { loader, state } = loaderOf(byNextAfter)
    await loader.reload(flaky)
    await loader.loadMore(flaky)
    expect(state().moreError).toEqual(new Error('network'))
    expect(state().items).toHaveLength(20)
    await loader.loadMore(flaky)
    expect(server.asked).toEqual([null, 31])
    expect(state().items).toHaveLength(30)
    expect(state().moreError).toBeNull()
  })
})

describe('a list paged by number (the other lists)', () => {
  it('asks page 1, then page 2 while rows remain', async () => {
    const asked: (number | null)[] = []
    const fetch = async (page: number | null): Promise<Page<Row>> => {
      asked.push(page)
      const p = page ?? 1
      return { items: rows(100 - (p - 1) * 20, 20), total: 30, page: p, pageSize: 20 }
    }
    const { loader, state } = loaderOf(byPageNumber)
    await loader.reload(fetch)
    expect(state().next).toBe(2)
    await loader.loadMore(fetch)
    expect(asked).toEqual([null, 2])
    expect(state().next).toBeNull()
  })
})
