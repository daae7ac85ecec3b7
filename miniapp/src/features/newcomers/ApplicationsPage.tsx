import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { newcomerRefuseSchema, newcomerRoutes, type NewcomerApplicationView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { PhotoGrid } from '@/components/Photos'
import { ReasonDialog } from '@/components/ReasonDialog'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import '@/features/verification/VerificationsPage.scss'
import { useResource } from '@/hooks/useResource'
import { formatTime } from '@/logic/format'
import { ROUTES, withQuery } from '@/routes'
import { ResidenceSettingsCard } from './ResidenceSettingsCard'
import './ApplicationsPage.scss'

/** 常住居民登记: the 两委 check the proof of address and approve or refuse each application. */
export function ApplicationsPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.reviewVerifications
  const villageId = ctx.villageId ?? 0
  const list = useResource(
    allowed
      ? () =>
          call(newcomerRoutes.list, { params: { villageId }, query: { state: 'pending' } }, { toast: false })
      : null,
    [allowed, villageId],
  )
  const [busy, setBusy] = useState<number | null>(null)
  const [refusing, setRefusing] = useState<NewcomerApplicationView | null>(null)

  const gate = committeeGate(ctx, 'reviewVerifications', '审核常住居民登记')
  if (gate) return <PageRoot>{gate}</PageRoot>

  async function approve(a: NewcomerApplicationView) {
    const { confirm } = await Taro.showModal({
      title: '同意登记',
      content: `同意“${a.name}”登记为本村（社区）的非户籍常住居民吗？同意后 TA 会列入花名册，单独立户。`,
      confirmText: '同意',
    })
    if (!confirm) return
    setBusy(a.id)
    try {
      await call(newcomerRoutes.approve, { params: { villageId, id: a.id } })
      void Taro.showToast({ title: '已登记', icon: 'success' })
      await list.reload()
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(null)
    }
  }

  async function refuse(reason: string) {
    if (!refusing) return
    setBusy(refusing.id)
    try {
      await call(newcomerRoutes.refuse, { params: { villageId, id: refusing.id }, body: { reason } })
      setRefusing(null)
      void Taro.showToast({ title: '已告知申请人', icon: 'success' })
      await list.reload()
    } finally {
      setBusy(null)
    }
  }

  const items = list.data ?? []
  return (
    <PageRoot className="newcomers">
      <ResidenceSettingsCard villageId={villageId} />
      <View
        className="xl-card xl-tap"
        onClick={() =>
          void Taro.navigateTo({
            url: withQuery(ROUTES.committeeRoster, { villageId, residency: 'non_registered' }),
          })
        }
      >
        <View className="xl-card__title">花名册上的非户籍常住居民 ›</View>
        <View className="xl-muted">记录会议同意参加选举的决定，更改居住情况</View>
      </View>
      {list.loading && !list.data ? (
        <LoadingView />
      ) : list.error && !list.data ? (
        <ErrorView error={list.error} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <EmptyView
          title="没有待审核的登记申请"
          description="户籍不在本村的常住居民提交申请后，会出现在这里。"
        />
      ) : (
        <View>
          <View className="xl-muted newcomers__count">共 {items.length} 份待审核，请核对住址证明后处理</View>
          {items.map((a) => (
            <View key={a.id} className="xl-card review">
              <Text className="review__name">{a.name}</Text>
              <View className="review__facts">
                <View>身份证号：{a.idNumber}</View>
                <View>手机号：{a.phone}</View>
                <View>住址：{a.address}</View>
                <View>搬来日期：{a.movedInOn}</View>
                <View>提交时间：{formatTime(a.createdAt)}</View>
              </View>
              <PhotoGrid urls={a.proofs.map((p) => p.url)} />
              <View className="xl-actions">
                <Button disabled={busy !== null} onClick={() => setRefusing(a)}>
                  不同意
                </Button>
                <Button
                  type="primary"
                  loading={busy === a.id}
                  disabled={busy !== null}
                  onClick={() => void approve(a)}
                >
                  同意登记
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
      <ReasonDialog
        visible={refusing !== null}
        title={refusing ? `不同意“${refusing.name}”的登记` : ''}
        hint="请写明原因，申请人会收到这条说明："
        placeholder="例如：租房合同看不清，请重新拍照"
        confirmText="不同意"
        maxLength={200}
        check={(text) => {
          const r = newcomerRefuseSchema.safeParse({ reason: text })
          return r.success ? null : (r.error.issues[0]?.message ?? '请填写原因')
        }}
        onSubmit={refuse}
        onClose={() => setRefusing(null)}
      />
    </PageRoot>
  )
}
