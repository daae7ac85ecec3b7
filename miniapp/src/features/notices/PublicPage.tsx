import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css'
import { noticeRoutes, type NoticeCategory, type NoticeSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { NoticeCard } from './NoticeCard'
import { showNoticeBadge } from './noticeBadge'
import { usePagedList } from '@/hooks/usePagedList'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { useUnreadBadge } from '@/features/inbox/useUnread'
import { townshipOf } from '@/logic/membership'
import { CATEGORY_CHIPS, chipWithUnread, markReadInList } from './notice'
import { ROUTES, withQuery } from '@/routes'
import './PublicPage.scss'

/**
 * 村务公开: the village's notices by category, pinned first, with a red dot on what the person has not
 * read yet (or not since it was corrected), and a search over titles and text.
 */
export function PublicPage() {
  useUnreadBadge()
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [category, setCategory] = useState<NoticeCategory | null>(null)
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const opened = useRef<number | null>(null)
  const [markingAll, setMarkingAll] = useState(false)

  const unread = useResource(
    ctx.villageId !== null
      ? () => call(noticeRoutes.unread, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  useEffect(() => {
    if (unread.data) showNoticeBadge(unread.data.total)
  }, [unread.data])
  const list = usePagedList<NoticeSummary>(
    ctx.villageId !== null
      ? (page) =>
          call(
            noticeRoutes.feed,
            {
              params: { villageId },
              query: {
                page,
                pageSize: 20,
                ...(category ? { category } : {}),
                ...(search ? { q: search } : {}),
              },
            },
            { toast: false },
          )
      : null,
    (n) => n.id,
    [ctx.villageId, category, search],
  )

  // 全部已读: what the person can see now counts as read; what comes later (or is corrected) is new again
  async function readAll() {
    if (markingAll) return
    setMarkingAll(true)
    try {
      const counts = await call(noticeRoutes.readAll, { params: { villageId } })
      unread.setData(() => counts)
      list.update((items) => items.map((n) => (n.unread ? { ...n, unread: false } : n)))
    } catch {
      // the request layer has said what went wrong
    } finally {
      setMarkingAll(false)
    }
  }

  // back from a notice: it is read now; the counts may have changed meanwhile
  useReshow(() => {
    const id = opened.current
    if (id !== null) list.update((items) => markReadInList(items, id))
    opened.current = null
    void unread.reload()
  })

  // a township official belongs to no village: the oversight page shows every village's publication
  const township = ctx.me?.memberships.map(townshipOf).find((t) => t !== null) ?? null
  if (ctx.me && !ctx.membership && township !== null)
    return (
      <PageRoot className="public">
        <EmptyView
          title="各村的公开情况"
          description="乡镇（街道）干部在“村务公开督办”里查看下辖各村是否按时公开，以及超时未答复的异议。"
          action={{
            text: '去村务公开督办',
            onClick: () =>
              void Taro.navigateTo({ url: withQuery(ROUTES.townshipNotices, { townshipId: township }) }),
          }}
        />
      </PageRoot>
    )
  const gate = residentGate(ctx, '查看本村的公开信息', {
    title: '实名认证后可以看本村的公开',
    description: '党务、村务、财务公开和公示，村（居）委会发布后，本村（社区）的村（居）民都能在这里看到。',
  })
  if (gate) return <PageRoot className="public">{gate}</PageRoot>

  const counts = unread.data?.byCategory
  const chips = CATEGORY_CHIPS.map((c) => ({
    value: c.value,
    label: chipWithUnread(c.label, c.value ? counts?.[c.value] : unread.data?.total),
  }))
  const open = (n: NoticeSummary) => {
    opened.current = n.id
    void Taro.navigateTo({ url: withQuery(ROUTES.noticeDetail, { id: n.id, villageId }) })
  }

  const body = (
    <PagedList
      list={list}
      empty={
        search ? (
          <EmptyView title="没有找到" description={`没有标题或内容里有“${search}”的公开，换个词试试。`} />
        ) : (
          <EmptyView
            title="暂无公开信息"
            description="村务、党务、财务等公开内容，村（居）委会发布后会显示在这里。"
          />
        )
      }
    >
      {(n) => <NoticeCard key={n.id} n={n} onOpen={() => open(n)} />}
    </PagedList>
  )

  return (
    <PageRoot className="public">
      <View className="public__village">{ctx.membership?.orgName} · 村务公开</View>
      <View className="public__search">
        <SearchBar
          value={typed}
          placeholder="搜索公开的标题和内容"
          maxLength={40}
          onChange={(v) => {
            setTyped(v)
            if (v.trim() === '') setSearch('')
          }}
          onSearch={(v) => setSearch(v.trim())}
          onClear={() => {
            setTyped('')
            setSearch('')
          }}
        />
      </View>
      <Chips options={chips} value={category} onChange={setCategory} scroll />
      <View className="public__links">
        {(unread.data?.total ?? 0) > 0 ? (
          <View className="public__read-all xl-tap xl-tap--line" onClick={() => void readAll()}>
            {markingAll ? '正在标为已读…' : '全部已读'}
          </View>
        ) : (
          <View />
        )}
        <View
          className="public__objections xl-tap xl-tap--line"
          onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.noticeObjections, { villageId }) })}
        >
          我提的异议 ›
        </View>
      </View>
      {body}
    </PageRoot>
  )
}
