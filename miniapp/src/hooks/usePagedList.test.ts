import { grievanceRoutes, type GrievanceSummary, type Page } from '@xiangli/shared'
import { makeCall } from '@/api/call'
import type { RequestOptions } from '@/api/core'
import { NO_FILTERS, pageAfter, queueQuery } from '@/features/grievances/grievance'
import { renderHook } from '@/test/fakeReact'
import { useKeysetList, usePagedList } from './usePagedList'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('react', () => require('@/test/fakeReact').reactModule())
const pageEvents: { reachBottom?: () => void; pullDown?: () => void } = {}
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { stopPullDownRefresh: jest.fn() },
  useReachBottom: (fn: () => void) => {
    pageEvents.reachBottom = fn
  },
  usePullDownRefresh: (fn: () => void) => {
    pageEvents.pullDown = fn
  },
}))

const summary = (id: number) => ({ id, title: `第${id}件事` }) as unknown as GrievanceSummary

/**
 * A server with 45 items (ids 500 down to 456) that answers both ways: by `after` with `nextAfter`
 * while more remain (as the 村民说事 lists do), or by `page`. Records the query of every request.
 */
function server() {
  const queries: Record<string, unknown>[] = []
  const all = Array.from({ length: 45 }, (_, i) => summary(500 - i))
  const call = makeCall({
    request: async <T>(_path: string, options?: RequestOptions) => {
      const q = (options?.query ?? {}) as { after?: number; page?: number; pageSize: number }
      queries.push({ ...q })
      const start =
        q.after !== undefined ? all.findIndex((g) => g.id === q.after) + 1 : ((q.page ?? 1) - 1) * q.pageSize
      const items = all.slice(start, start + q.pageSize)
      const more = start + q.pageSize < all.length
      const page: Page<GrievanceSummary> = {
        items,
        total: all.length,
        page: q.page ?? 1,
        pageSize: q.pageSize,
        ...(more ? { nextAfter: items[items.length - 1]!.id } : {}),
      }
      return page as T
    },
  })
  return { call, queries }
}

describe('useKeysetList (the lists of 村民说事)', () => {
  it('asks the second page with after=<nextAfter> of the first, not page=2', async () => {
    const { call, queries } = server()
    // as 我说的事 asks
    const list = renderHook(() =>
      useKeysetList(
        (after) => call(grievanceRoutes.mine, { params: { villageId: 7 }, query: pageAfter(after, 20) }),
        (g) => g.id,
        [7],
      ),
    )
    expect(list.current().loading).toBe(true)
    await list.settle()
    expect(queries).toEqual([{ pageSize: 20 }])
    expect(list.current()).toMatchObject({ loading: false, hasMore: true, total: 45 })

    pageEvents.reachBottom!()
    await list.settle()
    expect(queries[1]).toEqual({ after: 481, pageSize: 20 })
    expect(queries[1]).not.toHaveProperty('page')
    expect(
      list
        .current()
        .items.map((g) => g.id)
        .slice(18, 22),
    ).toEqual([482, 481, 480, 479])

    await list.current().loadMore()
    await list.settle()
    expect(queries[2]).toEqual({ after: 461, pageSize: 20 })
    expect(list.current().items).toHaveLength(45)
    expect(list.current().hasMore).toBe(false)
  })

  it('keeps the committee queue’s filters beside after, and starts again without it on a pull', async () => {
    const { call, queries } = server()
    const filters = { ...NO_FILTERS, status: 'submitted' as const, overdue: true }
    const list = renderHook(() =>
      useKeysetList(
        (after) =>
          call(grievanceRoutes.queue, { params: { villageId: 7 }, query: queueQuery(filters, after, 20) }),
        (g) => g.id,
        [7],
      ),
    )
    await list.settle()
    pageEvents.reachBottom!()
    await list.settle()
    pageEvents.pullDown!()
    await list.settle()
    expect(queries).toEqual([
      { pageSize: 20, status: 'submitted', overdue: 'true' },
      { after: 481, pageSize: 20, status: 'submitted', overdue: 'true' },
      { pageSize: 20, status: 'submitted', overdue: 'true' },
    ])
    expect(list.current().items).toHaveLength(20)
  })
})

describe('usePagedList (the lists still paged by number)', () => {
  it('asks page=1, then page=2', async () => {
    const { call, queries } = server()
    const list = renderHook(() =>
      usePagedList(
        (page) => call(grievanceRoutes.mine, { params: { villageId: 7 }, query: { page, pageSize: 20 } }),
        (g) => g.id,
        [7],
      ),
    )
    await list.settle()
    pageEvents.reachBottom!()
    await list.settle()
    expect(queries).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20 },
    ])
    expect(list.current().items).toHaveLength(40)
  })
})
