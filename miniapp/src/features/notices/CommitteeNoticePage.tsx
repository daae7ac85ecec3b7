import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  NOTICE_CATEGORY_DEFAULT_DAYS,
  beijingDate,
  noticeOpinionSchema,
  noticeReviewSchema,
  noticeRoutes,
  objectionAnswerSchema,
  type NoticeView,
  type ObjectionView,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { ErrorView, Pending } from '@/components/States'
import { ComposeForm } from '@/features/grievances/ComposeForm'
import { ModerationNote } from '@/features/content-check/ModerationNote'
import { NoticeArticle } from './NoticeContent'
import { ObjectionCard } from './ObjectionCard'
import { VersionHistory } from './VersionHistory'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { idParam } from '@/logic/links'
import { answersObjections, noticeBench } from './notice'
import { defaultPeriodFor } from './noticeDraft'
import { periodRange } from './noticePeriod'
import { ROUTES, withQuery } from '@/routes'
import { CAN_COPY_LINK, appOrigin, shareUrl } from './share'
import { noticeGate } from './noticeGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './CommitteeNoticePage.scss'

type Dialog = 'approve' | 'return' | 'opinion' | null

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : (r.error?.issues[0]?.message ?? '请填写')

/**
 * One notice on the workbench: its content as residents will see it, and the next step of its life —
 * submit for review, review (supervisors), publish, pin, correct — with its objections to answer.
 */
export function CommitteeNoticePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  const bench = noticeBench(ctx.membership)
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && (bench.manage || bench.supervise)
  const notice = useResource<NoticeView>(
    allowed && id !== null
      ? () => call(noticeRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [allowed, villageId, id],
  )
  const published = notice.data?.state === 'published' || notice.data?.state === 'ended'
  const objections = useResource<ObjectionView[]>(
    allowed && id !== null && published
      ? () => call(noticeRoutes.objections, { params: { villageId, id } }, { toast: false })
      : null,
    [allowed, villageId, id, published],
  )
  const [busy, setBusy] = useState<string | null>(null)
  const [dialog, setDialog] = useState<Dialog>(null)

  useReshow(() => {
    void notice.reload()
    void objections.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([notice.reload(), objections.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = noticeGate(ctx, 'any', '管理村务公开')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!notice.data)
    return (
      <PageRoot>
        <Pending resource={notice} />
      </PageRoot>
    )

  const n = notice.data
  const can = (a: NoticeView['actions'][number]) => n.actions.includes(a)
  const show = (next: NoticeView) => notice.setData(() => next)
  const go = (url: string) => void Taro.navigateTo({ url })

  const at = { villageId, id: n.id }
  async function run(name: string, send: () => Promise<NoticeView>, done: string) {
    setBusy(name)
    try {
      show(await send())
      void Taro.showToast({ title: done, icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(null)
    }
  }

  async function publish() {
    const period =
      n.periodStart && n.periodEnd
        ? { start: n.periodStart, end: n.periodEnd }
        : defaultPeriodFor(n.category, beijingDate(new Date()))
    const { confirm } = await Taro.showModal({
      title: '发布公告',
      content: `发布后全村都能看到，公示期 ${periodRange(period)}${n.periodStart ? '' : `（默认 ${NOTICE_CATEGORY_DEFAULT_DAYS[n.category]} 天）`}。发布后不能修改，只能更正。`,
      confirmText: '发布',
    })
    if (confirm) await run('publish', () => call(noticeRoutes.publish, { params: at, body: {} }), '已发布')
  }

  async function submit() {
    const { confirm } = await Taro.showModal({
      title: '提交审核',
      content: '提交给村务监督委员会审核，审核通过后才能发布。提交后不能再修改，除非被退回。',
      confirmText: '提交',
    })
    if (confirm) await run('submit', () => call(noticeRoutes.submit, { params: at }), '已提交审核')
  }

  const open = (objections.data ?? []).filter((o) => o.state === 'submitted')
  const others = (objections.data ?? []).filter((o) => o.state !== 'submitted')

  return (
    <PageRoot className="cnotice">
      <NoticeArticle notice={n} shown={n} />
      <ModerationNote m={n.moderation} />

      <View className="xl-card">
        <View className="xl-card__title">下一步</View>
        {n.returnReason && n.state === 'returned' ? (
          <View className="cnotice__return">监督委员会退回：{n.returnReason}</View>
        ) : null}
        {n.state === 'in_review' && !can('review') ? (
          <View className="xl-card__text">正在等村务监督委员会审核。</View>
        ) : null}
        {n.state === 'approved' && !can('publish') ? (
          <View className="xl-card__text">监督委员会已同意，等村委会发布。</View>
        ) : null}
        {n.state === 'published' && n.actions.length === 0 ? (
          <View className="xl-card__text">公示中，村民可以在公示期内提出异议。</View>
        ) : null}
        {n.state === 'ended' && n.actions.length === 0 ? (
          <View className="xl-card__text">公示期已满，公告已归档，仍然公开可查。</View>
        ) : null}
        {n.state === 'draft' && !can('publish') && can('submit') ? (
          <View className="xl-card__text">本村规定公告发布前要经监督委员会审核。</View>
        ) : null}
        <View className="xl-actions">
          {can('edit') ? (
            <Button
              size="large"
              onClick={() => go(withQuery(ROUTES.committeeNoticeCompose, { id: n.id, villageId }))}
            >
              修改草稿
            </Button>
          ) : null}
          {can('submit') ? (
            <Button type="primary" size="large" loading={busy === 'submit'} onClick={() => void submit()}>
              提交监督委员会审核
            </Button>
          ) : null}
          {can('review') ? (
            <>
              <Button type="primary" size="large" onClick={() => setDialog('approve')}>
                同意发布
              </Button>
              <Button size="large" onClick={() => setDialog('return')}>
                退回修改
              </Button>
            </>
          ) : null}
          {can('publish') ? (
            <Button type="primary" size="large" loading={busy === 'publish'} onClick={() => void publish()}>
              发布
            </Button>
          ) : null}
          {can('correct') ? (
            <Button
              size="large"
              onClick={() =>
                go(withQuery(ROUTES.committeeNoticeCompose, { id: n.id, villageId, mode: 'correct' }))
              }
            >
              更正
            </Button>
          ) : null}
          {can('pin') ? (
            <Button
              size="large"
              loading={busy === 'pin'}
              onClick={() =>
                void run(
                  'pin',
                  () => call(noticeRoutes.pin, { params: at, body: { pinned: !n.pinned } }),
                  n.pinned ? '已取消置顶' : '已置顶',
                )
              }
            >
              {n.pinned ? '取消置顶' : '置顶'}
            </Button>
          ) : null}
          {can('opinion') ? (
            <Button size="large" onClick={() => setDialog('opinion')}>
              写监督意见
            </Button>
          ) : null}
        </View>
        {n.requiresAck && published ? (
          <View
            className="cnotice__link xl-tap xl-tap--line"
            onClick={() => go(withQuery(ROUTES.committeeNoticeAcks, { id: n.id, villageId }))}
          >
            各户确认情况 ›
          </View>
        ) : null}
        {n.publicPath && CAN_COPY_LINK ? (
          <View className="cnotice__share">
            <View className="xl-muted">公开链接（不用登录也能看，可以发到群里或做成二维码贴在公开栏）：</View>
            <View className="cnotice__url">{shareUrl(n.id, appOrigin())}</View>
            <View
              className="cnotice__link xl-tap xl-tap--line"
              onClick={() =>
                void Taro.setClipboardData({ data: shareUrl(n.id, appOrigin()) }).catch(() => undefined)
              }
            >
              复制链接
            </View>
          </View>
        ) : null}
      </View>

      {published ? (
        <View className="xl-section-title">
          异议 {objections.data ? `${objections.data.length} 件` : ''}
          {open.length > 0 ? `，${open.length} 件待答复` : ''}
        </View>
      ) : null}
      {objections.error && !objections.data ? (
        <ErrorView error={objections.error} onRetry={() => void objections.reload()} />
      ) : null}
      {[...open, ...others].map((o) => (
        <ObjectionCard key={o.id} o={o}>
          {o.state === 'submitted' && answersObjections(ctx.membership) ? (
            <ComposeForm
              title="答复"
              placeholder="写清楚核实的情况和处理结果，提出人会收到通知"
              submitText="发送答复"
              villageId={villageId}
              schema={objectionAnswerSchema}
              maxLength={1000}
              onSubmit={async (body, key) => {
                const answered = await call(
                  noticeRoutes.answer,
                  { params: { villageId, oid: o.id }, body },
                  { idempotencyKey: key },
                )
                objections.setData((list) => (list ?? []).map((x) => (x.id === answered.id ? answered : x)))
                void Taro.showToast({ title: '已答复', icon: 'success' })
              }}
            />
          ) : null}
        </ObjectionCard>
      ))}

      <VersionHistory versions={n.versions} category={n.category} />

      <ReasonDialog
        visible={dialog === 'approve'}
        title="同意发布"
        hint="监督委员会的意见（可不填），会和公告一起公开："
        placeholder="例如：经核对票据，收支属实"
        confirmText="同意"
        maxLength={500}
        check={(opinion) => firstIssue(noticeReviewSchema.safeParse({ decision: 'approve', opinion }))}
        onSubmit={async (opinion) => {
          show(await call(noticeRoutes.review, { params: at, body: { decision: 'approve', opinion } }))
          setDialog(null)
          void Taro.showToast({ title: '已同意发布', icon: 'success' })
        }}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'return'}
        title="退回修改"
        hint="写明要改什么，村委会会收到："
        placeholder="例如：支出缺少村道修缮的发票附件"
        confirmText="退回"
        maxLength={500}
        check={(opinion) => firstIssue(noticeReviewSchema.safeParse({ decision: 'return', opinion }))}
        onSubmit={async (opinion) => {
          show(await call(noticeRoutes.review, { params: at, body: { decision: 'return', opinion } }))
          setDialog(null)
          void Taro.showToast({ title: '已退回', icon: 'success' })
        }}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'opinion'}
        title="监督委员会意见"
        hint="意见会和公告一起公开，只能写一次："
        placeholder="例如：经核对，收支属实"
        confirmText="提交"
        maxLength={500}
        check={(opinion) => firstIssue(noticeOpinionSchema.safeParse({ opinion }))}
        onSubmit={async (opinion) => {
          show(await call(noticeRoutes.opinion, { params: at, body: { opinion } }))
          setDialog(null)
          void Taro.showToast({ title: '已提交', icon: 'success' })
        }}
        onClose={() => setDialog(null)}
      />
    </PageRoot>
  )
}
