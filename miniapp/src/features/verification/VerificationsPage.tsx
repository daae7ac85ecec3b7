import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { rejectSchema, verificationRoutes, type VerificationView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { usePagedList } from '@/hooks/usePagedList'
import { formatTime } from '@/logic/format'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './VerificationsPage.scss'

export function VerificationsPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.reviewVerifications
  const villageId = ctx.villageId ?? 0
  const list = usePagedList<VerificationView>(
    allowed
      ? (page) =>
          call(
            verificationRoutes.list,
            { params: { villageId }, query: { state: 'pending', page, pageSize: 20 } },
            { toast: false },
          )
      : null,
    (v) => v.id,
    [allowed, villageId],
  )
  const [busy, setBusy] = useState<number | null>(null)
  const [rejecting, setRejecting] = useState<VerificationView | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const gate = committeeGate(ctx, 'reviewVerifications', '审核认证')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const done = (id: number) => list.update((items) => items.filter((i) => i.id !== id), -1)

  async function confirm(v: VerificationView) {
    const { confirm: yes } = await Taro.showModal({
      title: '确认认证',
      content: `确认“${v.name}”是本村（社区）的村（居）民吗？确认后，TA 就能参与村里的事务。`,
      confirmText: '确认',
    })
    if (!yes) return
    setBusy(v.id)
    try {
      await call(verificationRoutes.confirm, { params: { villageId, id: v.id } })
      done(v.id)
      void Taro.showToast({ title: '已确认', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(null)
    }
  }

  /** Dialog keeps itself open while this is pending and when it fails (missing reason, request error). */
  async function reject(): Promise<void> {
    if (!rejecting) return
    const checked = rejectSchema.safeParse({ reason })
    if (!checked.success) {
      setReasonError(checked.error.issues[0]?.message ?? '请填写原因')
      throw new Error('reason missing')
    }
    const v = rejecting
    setBusy(v.id)
    try {
      await call(verificationRoutes.reject, { params: { villageId, id: v.id }, body: checked.data })
      done(v.id)
      void Taro.showToast({ title: '已驳回', icon: 'success' })
    } finally {
      setBusy(null)
    }
  }

  const body = (
    <PagedList
      list={list}
      empty={<EmptyView title="没有待确认的认证" description="村民提交实名认证后，会出现在这里等您确认。" />}
      title={`共 ${list.total} 条待确认，请和花名册核对后处理`}
    >
      {(v) => (
        <View key={v.id} className="xl-card review">
          <Text className="review__name">{v.name}</Text>
          <View className="review__facts">
            <View>身份证号：{v.idNumberMasked}</View>
            <View>手机号：{v.phoneMasked}</View>
            <View>提交时间：{formatTime(v.createdAt)}</View>
          </View>
          <View className="xl-actions">
            <Button
              disabled={busy !== null}
              onClick={() => {
                setRejecting(v)
                setReason('')
                setReasonError(null)
              }}
            >
              驳回
            </Button>
            <Button
              type="primary"
              loading={busy === v.id}
              disabled={busy !== null}
              onClick={() => void confirm(v)}
            >
              确认
            </Button>
          </View>
        </View>
      )}
    </PagedList>
  )

  return (
    <PageRoot>
      {body}
      <Dialog
        visible={rejecting !== null}
        title={rejecting ? `驳回“${rejecting.name}”的认证` : ''}
        confirmText="驳回"
        cancelText="取消"
        onConfirm={reject}
        onCancel={() => setRejecting(null)}
        onClose={() => setRejecting(null)}
      >
        <View className="review__reason">
          <View className="xl-muted">请写明原因，村民会收到这条说明：</View>
          <TextArea
            value={reason}
            placeholder="例如：花名册里没有这个人，请先到村委会登记"
            maxLength={200}
            showCount
            onChange={(value) => {
              setReason(value)
              setReasonError(null)
            }}
          />
          {reasonError ? <View className="xl-danger-text">{reasonError}</View> : null}
        </View>
      </Dialog>
    </PageRoot>
  )
}
