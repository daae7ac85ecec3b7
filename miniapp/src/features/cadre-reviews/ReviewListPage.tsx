import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { CADRE_REVIEW_PAGES, cadreReviewRoutes } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { hasAnyRole } from '@/logic/membership'
import { withQuery } from '@/routes'
import './cadreReview.scss'

/** 民主评议: the village's reviews, newest year first; the supervision committee starts this year's. */
export function ReviewListPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const list = useResource(
    ctx.villageId !== null
      ? () => call(cadreReviewRoutes.list, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const [busy, setBusy] = useState(false)
  useReshow(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const gate = residentGate(ctx, '民主评议', {
    title: '实名认证后才能看民主评议',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能看村干部述职和评议结果。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>

  const hosts = hasAnyRole(ctx.membership?.roles ?? [], ['supervisor'])
  const year = new Date().getFullYear()
  const open = (id: number) =>
    void Taro.navigateTo({ url: withQuery(CADRE_REVIEW_PAGES.detail, { id, villageId }) })
  async function start() {
    const { confirm } = await Taro.showModal({
      title: `开始 ${year} 年度民主评议`,
      content: '村委会成员自动列入被评议名单，享受误工补贴的人员可以再添加。',
      confirmText: '开始',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const r = await call(
        cadreReviewRoutes.open,
        { params: { villageId }, body: { year } },
        { toast: false },
      )
      open(r.id)
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setBusy(false)
    }
  }

  let body
  if (!list.data) body = <Pending resource={list} />
  else if (list.data.length === 0)
    body = (
      <EmptyView
        title="还没有民主评议"
        description="每年至少一次，由村务监督委员会主持：村干部述职，村民会议或村民代表会议无记名评议。"
      />
    )
  else
    body = list.data.map((r) => (
      <View key={r.id} className="xl-card xl-tap review__row" onClick={() => open(r.id)}>
        <Text className="review__title">{`${r.year} 年度民主评议`}</Text>
        <View className="review__meta">
          <Text>{r.statusLabel}</Text>
          <Text>{`被评议 ${r.subjects} 人`}</Text>
        </View>
      </View>
    ))
  return (
    <PageRoot>
      {hosts ? (
        <View className="xl-actions review__top">
          <Button type="primary" loading={busy} onClick={() => void start()}>
            {`开始 ${year} 年度评议`}
          </Button>
        </View>
      ) : null}
      {body}
    </PageRoot>
  )
}
