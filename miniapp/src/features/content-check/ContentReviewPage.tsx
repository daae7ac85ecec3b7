import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { contentCheckRoutes, type ContentCheckView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { PhotoGrid } from '@/components/Photos'
import { ReasonDialog } from '@/components/ReasonDialog'
import { usePagedList } from '@/hooks/usePagedList'
import { formatTime } from '@/logic/format'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { flaggedFor, pageOfCheck, rejectReasonProblem } from './moderation'
import './ContentReviewPage.scss'

/** 内容审核: what WeChat's check held back waits here for a 两委 member: 通过 shows it, 不通过 keeps it hidden. */
export function ContentReviewPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.handleGrievances
  const villageId = ctx.villageId ?? 0
  const list = usePagedList<ContentCheckView>(
    allowed
      ? (page) =>
          call(
            contentCheckRoutes.queue,
            { params: { villageId }, query: { status: 'held', page, pageSize: 20 } },
            { toast: false },
          )
      : null,
    (c) => c.id,
    [allowed, villageId],
  )
  const [busy, setBusy] = useState<number | null>(null)
  const [rejecting, setRejecting] = useState<ContentCheckView | null>(null)

  const gate = committeeGate(ctx, 'handleGrievances', '审核内容')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const done = (id: number) => list.update((items) => items.filter((i) => i.id !== id), -1)

  async function approve(c: ContentCheckView) {
    const { confirm } = await Taro.showModal({
      title: '审核通过',
      content: '通过后，村里其他人就能看到这条内容。',
      confirmText: '通过',
    })
    if (!confirm) return
    setBusy(c.id)
    try {
      await call(contentCheckRoutes.review, {
        params: { villageId, id: c.id },
        body: { decision: 'approve' },
      })
      done(c.id)
      void Taro.showToast({ title: '已通过', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(null)
    }
  }

  async function reject(reason: string): Promise<void> {
    const c = rejecting
    if (!c) return
    setBusy(c.id)
    try {
      await call(contentCheckRoutes.review, {
        params: { villageId, id: c.id },
        body: { decision: 'reject', reason },
      })
      done(c.id)
      setRejecting(null)
      void Taro.showToast({ title: '已处理', icon: 'success' })
    } finally {
      setBusy(null)
    }
  }

  const open = (c: ContentCheckView) => void Taro.navigateTo({ url: pageOfCheck(c, villageId) })

  return (
    <PageRoot>
      <PagedList
        list={list}
        empty={
          <EmptyView
            title="没有要审核的内容"
            description="村民发的说事、留言、联名提议、异议、议事意见和对它们的答复，微信检测觉得可能不合适时，会出现在这里等您看。"
          />
        }
        title={`共 ${list.total} 条待审核；审核前只有发布人和村委会看得到`}
      >
        {(c) => (
          <View key={c.id} className="xl-card content-review">
            <Text className="content-review__kind">{c.kindLabel}</Text>
            <View className="content-review__text">{c.text}</View>
            <PhotoGrid urls={c.photoUrls} />
            <View className="content-review__facts">
              <View>{flaggedFor(c)}</View>
              <View>提交时间：{formatTime(c.createdAt)}</View>
            </View>
            <View className="xl-actions">
              <Button disabled={busy !== null} onClick={() => open(c)}>
                查看原文
              </Button>
              <Button disabled={busy !== null} onClick={() => setRejecting(c)}>
                不通过
              </Button>
              <Button
                type="primary"
                loading={busy === c.id}
                disabled={busy !== null}
                onClick={() => void approve(c)}
              >
                通过
              </Button>
            </View>
          </View>
        )}
      </PagedList>
      <ReasonDialog
        visible={rejecting !== null}
        title="不通过审核"
        hint="请写明原因，发布人会看到这条说明："
        placeholder="例如：含有他人的电话号码，请删去后重新提交"
        confirmText="不通过"
        maxLength={200}
        check={rejectReasonProblem}
        onSubmit={reject}
        onClose={() => setRejecting(null)}
      />
    </PageRoot>
  )
}
