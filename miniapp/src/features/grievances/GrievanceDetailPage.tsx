import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  grievanceRateSchema,
  grievanceReopenSchema,
  type GrievanceRateRequest,
  type GrievanceView,
  grievanceRoutes,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { Pending } from '@/components/States'
import { GrievanceReplyForm } from './GrievanceReplyForm'
import { GrievanceBody } from './GrievanceBody'
import { useReshow } from '@/hooks/useReshow'
import { formatTime } from '@/logic/format'
import { RATING_LABELS, residentActions } from './grievance'
import { idParam, orgCandidates } from '@/logic/links'
import { useLinkedItem } from '@/hooks/useLinkedItem'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import './GrievanceDetailPage.scss'

export function GrievanceDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  // a notification names only the issue: try the linked village, the active one, then the others
  const villages = orgCandidates(idParam(params.villageId), ctx.villageId, ctx.villageIds)
  const found = useLinkedItem(ctx.me, villages, id, (v, item) =>
    call(grievanceRoutes.detail, { params: { villageId: v, id: item } }, { toast: false }),
  )
  const [reopening, setReopening] = useState(false)
  const [supporting, setSupporting] = useState(false)

  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = residentGate(ctx, '查看说事')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )

  const villageId = found.data.orgId
  const g = found.data.value
  const can = residentActions(g)
  const show = (view: GrievanceView) => found.setData(() => ({ orgId: villageId, value: view }))

  async function toggleSupport() {
    setSupporting(true)
    try {
      const s = await call(g.supportedByMe ? grievanceRoutes.withdrawSupport : grievanceRoutes.support, {
        params: { villageId, id: g.id },
      })
      show({ ...g, ...s })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSupporting(false)
    }
  }

  return (
    <PageRoot className="detail">
      <GrievanceBody g={g} />

      {can.support ? (
        <View className="detail__support">
          <Button
            type={g.supportedByMe ? 'default' : 'primary'}
            size="large"
            block
            loading={supporting}
            onClick={() => void toggleSupport()}
          >
            {g.supportedByMe
              ? `已 +1（${g.supportCount} 人），点这里取消`
              : `+1 同样的问题（${g.supportCount} 人）`}
          </Button>
        </View>
      ) : null}

      {can.rate ? (
        <RateForm
          onRate={async (body) => {
            show(await call(grievanceRoutes.rate, { params: { villageId, id: g.id }, body }))
            void Taro.showToast({ title: '谢谢您的评价', icon: 'success' })
          }}
        />
      ) : null}

      {can.reopen ? (
        <View className="xl-card">
          <View className="xl-card__title">对答复不满意？</View>
          <View className="xl-card__text">
            可以重新提出一次，村里会再办。
            {g.reopenableUntil ? `请在 ${formatTime(g.reopenableUntil)} 前提出。` : ''}
          </View>
          <View className="xl-actions">
            <Button size="large" onClick={() => setReopening(true)}>
              不满意，重新提出
            </Button>
          </View>
        </View>
      ) : null}

      {can.reply ? (
        <GrievanceReplyForm
          villageId={villageId}
          id={g.id}
          title="补充情况"
          placeholder="还有什么要告诉村里的，可以写在这里，也可以加照片"
          submitText="发送"
          onSent={show}
        />
      ) : null}

      <ReasonDialog
        visible={reopening}
        title="重新提出"
        hint="说说哪里不满意，村里会据此再办："
        placeholder="例如：路灯修了两天又不亮了"
        confirmText="重新提出"
        maxLength={200}
        check={(reason) => {
          const r = grievanceReopenSchema.safeParse({ reason })
          return r.success ? null : (r.error.issues[0]?.message ?? '请填写原因')
        }}
        onSubmit={async (reason) => {
          show(await call(grievanceRoutes.reopen, { params: { villageId, id: g.id }, body: { reason } }))
          setReopening(false)
          void Taro.showToast({ title: '已重新提出', icon: 'success' })
        }}
        onClose={() => setReopening(false)}
      />
    </PageRoot>
  )
}

const RATINGS = [5, 4, 3, 2, 1].map((n) => ({ value: n, label: `${'★'.repeat(n)} ${RATING_LABELS[n]}` }))

/** 1–5 as big labelled choices (easier for older people than small stars), with an optional comment. */
function RateForm({ onRate }: { onRate: (body: GrievanceRateRequest) => Promise<void> }) {
  const [rating, setRating] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  async function send() {
    const parsed = grievanceRateSchema.safeParse({ rating: rating ?? undefined, comment })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请打分')
      return
    }
    setSending(true)
    try {
      await onRate(parsed.data)
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSending(false)
    }
  }

  return (
    <View className="xl-card detail__rate">
      <View className="xl-card__title">对答复满意吗？</View>
      <View className="xl-card__text">选一个，5 颗星最满意。评价后这件事就办结了。</View>
      <Chips
        className="detail__ratings"
        options={RATINGS}
        value={rating}
        onChange={(n) => {
          setRating(n)
          setError(null)
        }}
      />
      <View className="detail__comment">
        <TextArea
          value={comment}
          placeholder="还想说点什么（可不填）"
          maxLength={200}
          showCount
          onChange={setComment}
        />
      </View>
      {error ? <View className="xl-danger-text">{error}</View> : null}
      <View className="xl-actions">
        <Button type="primary" size="large" loading={sending} onClick={() => void send()}>
          提交评价
        </Button>
      </View>
    </View>
  )
}
