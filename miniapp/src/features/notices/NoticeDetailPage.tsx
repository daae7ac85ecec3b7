import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { noticeRoutes, type ObjectionView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { NoticeArticle } from './NoticeContent'
import { ObjectionCard } from './ObjectionCard'
import { ObjectorControls } from './ObjectorControls'
import { VersionHistory } from './VersionHistory'
import { useLinkedItem } from '@/hooks/useLinkedItem'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { idParam, orgCandidates } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import { CAN_COPY_LINK, appOrigin, sharePath, shareUrl } from './share'
import './NoticeDetailPage.scss'

/** A notice as a resident reads it: the current version, every earlier one, acknowledging it, objecting. */
export function NoticeDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  // a notification names only the notice: try the linked village, the active one, then the others
  const villages = orgCandidates(idParam(params.villageId), ctx.villageId, ctx.villageIds)
  const found = useLinkedItem(ctx.me, villages, id, (v, item) =>
    call(noticeRoutes.detail, { params: { villageId: v, id: item } }, { toast: false }),
  )
  const villageId = found.data?.orgId ?? null
  const objections = useResource<ObjectionView[]>(
    villageId !== null && id !== null
      ? () => call(noticeRoutes.objections, { params: { villageId, id } }, { toast: false })
      : null,
    [villageId, id],
  )
  const [acking, setAcking] = useState(false)

  useShareAppMessage(() => ({
    title: found.data?.value.title ?? '村务公开',
    path: sharePath(id ?? 0),
  }))
  useReshow(() => {
    void found.reload()
    void objections.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([found.reload(), objections.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = residentGate(ctx, '查看公开')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (found.loading && !found.data) return <PageRoot>{<LoadingView />}</PageRoot>
  if (!found.data || villageId === null)
    return (
      <PageRoot>
        <ErrorView error={found.error} onRetry={() => void found.reload()} />
      </PageRoot>
    )

  const n = found.data.value
  const mine = (objections.data ?? []).filter((o) => o.mine)

  async function acknowledge() {
    if (villageId === null) return
    setAcking(true)
    try {
      await call(noticeRoutes.ack, { params: { villageId, id: n.id } })
      found.setData((d) => (d ? { ...d, value: { ...d.value, acknowledgedByMyHousehold: true } } : d))
      void Taro.showToast({ title: '已确认', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setAcking(false)
    }
  }

  async function copyLink() {
    await Taro.setClipboardData({ data: shareUrl(n.id, appOrigin()) }).catch(() => undefined)
  }

  return (
    <PageRoot className="notice-detail">
      <NoticeArticle notice={n} shown={n} />

      {n.requiresAck ? (
        <View className="xl-card">
          <View className="xl-card__title">请每户确认已阅</View>
          {n.acknowledgedByMyHousehold ? (
            <View className="xl-card__text">您家已经确认看过这条公开了。</View>
          ) : (
            <>
              <View className="xl-card__text">村里请每户看过后点一下确认，家里一人确认即可。</View>
              <View className="xl-actions">
                <Button type="primary" size="large" loading={acking} onClick={() => void acknowledge()}>
                  本户已阅，确认
                </Button>
              </View>
            </>
          )}
        </View>
      ) : null}

      {n.objectionsOpen ? (
        <View className="xl-card">
          <View className="xl-card__title">对这条公开有意见？</View>
          <View className="xl-card__text">公示期内可以提出异议，村委会会在规定时间内答复。</View>
          <View className="xl-actions">
            <Button
              size="large"
              onClick={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.noticeObject, { id: n.id, villageId }) })
              }
            >
              提出异议
            </Button>
          </View>
        </View>
      ) : null}

      {mine.length > 0 ? <View className="xl-section-title">我对这条公开提的异议</View> : null}
      {mine.map((o) => (
        <ObjectionCard key={o.id} o={o}>
          <ObjectorControls
            o={o}
            onChange={(next) =>
              objections.setData((list) => (list ?? []).map((x) => (x.id === next.id ? next : x)))
            }
          />
        </ObjectionCard>
      ))}

      <VersionHistory versions={n.versions} category={n.category} />

      {n.publicPath && CAN_COPY_LINK ? (
        <View className="notice-detail__share xl-tap xl-tap--line" onClick={() => void copyLink()}>
          复制公开链接（不用登录也能看）
        </View>
      ) : null}
    </PageRoot>
  )
}
