import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  NOTICE_STATES,
  NOTICE_STATE_LABELS,
  noticeRoutes,
  type NoticeState,
  type NoticeSummary,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { NoticeCard } from './NoticeCard'
import { usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { noticeBench } from './notice'
import { ROUTES, withQuery } from '@/routes'
import { noticeGate } from './noticeGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './CommitteeNoticesPage.scss'

const STATE_CHIPS: { value: NoticeState | null; label: string }[] = [
  { value: null, label: '全部' },
  ...NOTICE_STATES.map((s) => ({ value: s, label: NOTICE_STATE_LABELS[s] })),
]

/** 村务公开管理: every notice of the village, drafts and reviews included, newest first. */
export function CommitteeNoticesPage() {
  const ctx = useCommitteeVillage()
  const bench = noticeBench(ctx.membership)
  const allowed = ctx.villageId !== null && (bench.manage || bench.supervise)
  const villageId = ctx.villageId ?? 0
  const [state, setState] = useState<NoticeState | null>(
    bench.supervise && !bench.manage ? 'in_review' : null,
  )
  const list = usePagedList<NoticeSummary>(
    allowed
      ? (page) =>
          call(
            noticeRoutes.manage,
            { params: { villageId }, query: { page, pageSize: 20, ...(state ? { state } : {}) } },
            { toast: false },
          )
      : null,
    (n) => n.id,
    [allowed, villageId, state],
  )
  useReshow(() => void list.reload())

  const gate = noticeGate(ctx, 'any', '管理村务公开')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const go = (url: string) => void Taro.navigateTo({ url })
  const q = { villageId }

  const body = (
    <PagedList
      list={list}
      empty={
        <EmptyView
          title={state ? `没有“${NOTICE_STATE_LABELS[state]}”的公告` : '还没有公告'}
          description={bench.manage ? '点上面的“起草公告”写第一条。' : '村委会起草的公告会出现在这里。'}
        />
      }
      title={`共 ${list.total} 条`}
    >
      {(n) => (
        <NoticeCard
          key={n.id}
          n={n}
          showState
          onOpen={() => go(withQuery(ROUTES.committeeNotice, { id: n.id, villageId }))}
        />
      )}
    </PagedList>
  )

  return (
    <PageRoot className="notices">
      <View className="notices__tools">
        {bench.manage ? (
          <Button type="primary" onClick={() => go(withQuery(ROUTES.committeeNoticeCompose, q))}>
            起草公告
          </Button>
        ) : null}
        <Button onClick={() => go(withQuery(ROUTES.committeeNoticeObjections, q))}>异议处理</Button>
        <Button onClick={() => go(withQuery(ROUTES.committeeNoticeCalendar, q))}>公开日历</Button>
      </View>
      <Chips options={STATE_CHIPS} value={state} onChange={setState} scroll />
      {body}
    </PageRoot>
  )
}
