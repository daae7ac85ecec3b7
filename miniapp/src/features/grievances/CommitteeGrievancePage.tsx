import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ScrollView, View } from '@tarojs/components'
import { Button, Cell, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import {
  ERRORS,
  grievanceAnswerSchema,
  grievanceDeclineSchema,
  grievanceEscalateSchema,
  type GrievanceView,
  grievanceRoutes,
  roleRoutes,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { LoginPrompt } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { ComposeForm } from './ComposeForm'
import { GrievanceReplyForm } from './GrievanceReplyForm'
import { GrievanceBody } from './GrievanceBody'
import { useLinkedItem } from '@/hooks/useLinkedItem'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { assigneeChoices, committeeActions } from './grievance'
import { idParam, orgCandidates } from '@/logic/links'
import { workbenchFor } from '@/logic/membership'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { UsefulIssueCard } from '@/features/points/UsefulIssueCard'
import './CommitteeGrievancePage.scss'

type Asking = 'decline' | 'escalate' | null

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }, fallback: string) =>
  r.success ? null : (r.error?.issues[0]?.message ?? fallback)

/**
 * One issue for the 两委: accept or decline it, hand it to a member, 网格员 or 村民小组长, answer it, or
 * send it up. The person it was handed to answers it here too.
 */
export function CommitteeGrievancePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  // the 两委 handle every issue; a 网格员 or 村民小组长 answers the ones handed to them
  const mine =
    ctx.me?.memberships
      .filter((m) => workbenchFor(m).handleGrievances || workbenchFor(m).answerAssigned)
      .map((m) => m.orgId) ?? []
  // a notification names only the issue: try the linked village, the active one, then the others
  const villages = orgCandidates(idParam(params.villageId), ctx.villageId, mine).filter((v) =>
    mine.includes(v),
  )
  const found = useLinkedItem(ctx.me, villages, id, (v, item) =>
    call(grievanceRoutes.detail, { params: { villageId: v, id: item } }, { toast: false }),
  )
  const villageId = found.data?.orgId ?? 0
  const isCommittee = workbenchFor(
    ctx.me?.memberships.find((m) => m.orgId === villageId) ?? null,
  ).handleGrievances
  const settings = useResource(
    found.data && isCommittee
      ? () => call(grievanceRoutes.settings, { params: { villageId } }, { toast: false })
      : null,
    [villageId],
  )
  const [asking, setAsking] = useState<Asking>(null)
  const [assigning, setAssigning] = useState(false)
  const [busy, setBusy] = useState(false)

  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!ctx.loggedIn)
    return (
      <PageRoot>
        <LoginPrompt what="处理村民说事" />
      </PageRoot>
    )
  if (!ctx.me)
    return (
      <PageRoot>
        {ctx.error ? <ErrorView error={ctx.error} onRetry={() => void ctx.reload()} /> : <LoadingView />}
      </PageRoot>
    )
  if (mine.length === 0)
    return (
      <PageRoot>
        <EmptyView title="不能使用这项功能" description={ERRORS.FORBIDDEN.message} />
      </PageRoot>
    )
  if (!found.data)
    return (
      <PageRoot>
        {found.loading ? (
          <LoadingView />
        ) : (
          <ErrorView error={found.error} onRetry={() => void found.reload()} />
        )}
      </PageRoot>
    )

  const g = found.data.value
  // the first line only answers: accepting, handing on, declining and sending up are the 两委's
  const actions = committeeActions(g.state).filter((a) => isCommittee || a === 'answer')
  const show = (view: GrievanceView) => found.setData(() => ({ orgId: villageId, value: view }))

  async function run(work: () => Promise<GrievanceView>, done: string) {
    setBusy(true)
    try {
      show(await work())
      void Taro.showToast({ title: done, icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className="handle">
      <GrievanceBody g={g} />

      {actions.some((a) => a !== 'answer') ? (
        <View className="xl-card">
          <View className="xl-card__title">办理</View>
          {actions.includes('accept') ? (
            <View className="xl-card__text">
              受理后请在规定时间内答复；不属于村里管的，写明原因不予受理。
            </View>
          ) : null}
          <View className="xl-actions handle__actions">
            {actions.includes('accept') ? (
              <Button
                type="primary"
                size="large"
                loading={busy}
                disabled={busy}
                onClick={() =>
                  void run(() => call(grievanceRoutes.accept, { params: { villageId, id: g.id } }), '已受理')
                }
              >
                受理
              </Button>
            ) : null}
            {actions.includes('assign') ? (
              <Button size="large" disabled={busy} onClick={() => setAssigning(true)}>
                {g.assigneeName ? '换人办理' : '交办'}
              </Button>
            ) : null}
            {actions.includes('decline') ? (
              <Button size="large" disabled={busy} onClick={() => setAsking('decline')}>
                不予受理
              </Button>
            ) : null}
            {actions.includes('escalate') ? (
              <Button size="large" disabled={busy} onClick={() => setAsking('escalate')}>
                上报乡镇
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      {actions.includes('answer') ? (
        <ComposeForm
          title="答复村民"
          placeholder="写清楚怎么处理的、结果如何；村民会收到通知，可以评价"
          submitText="发送答复"
          villageId={villageId}
          schema={grievanceAnswerSchema}
          maxLength={1000}
          templates={settings.data?.replyTemplates ?? []}
          onSubmit={async (body, key) => {
            show(
              await call(
                grievanceRoutes.answer,
                { params: { villageId, id: g.id }, body },
                { idempotencyKey: key },
              ),
            )
            void Taro.showToast({ title: '已答复', icon: 'success' })
          }}
        />
      ) : g.state !== 'declined' ? (
        <GrievanceReplyForm
          villageId={villageId}
          id={g.id}
          title="给村民留言"
          placeholder="需要村民补充情况，或告诉村民进展，可以写在这里"
          submitText="发送留言"
          onSent={show}
        />
      ) : null}

      {isCommittee ? <UsefulIssueCard villageId={villageId} grievanceId={g.id} state={g.state} /> : null}

      <AssignSheet
        visible={assigning}
        villageId={villageId}
        current={g.assigneeResidentId}
        onClose={() => setAssigning(false)}
        onPick={(residentId) => {
          setAssigning(false)
          void run(
            () => call(grievanceRoutes.assign, { params: { villageId, id: g.id }, body: { residentId } }),
            '已交办',
          )
        }}
      />
      <ReasonDialog
        visible={asking === 'decline'}
        title="不予受理"
        hint="请写明原因，村民会收到这条说明："
        placeholder="例如：这是县里管的事，请拨打 12345 反映"
        confirmText="不予受理"
        maxLength={200}
        check={(reason) => firstIssue(grievanceDeclineSchema.safeParse({ reason }), '请填写原因')}
        onSubmit={async (reason) => {
          show(await call(grievanceRoutes.decline, { params: { villageId, id: g.id }, body: { reason } }))
          setAsking(null)
        }}
        onClose={() => setAsking(null)}
      />
      <ReasonDialog
        visible={asking === 'escalate'}
        title="上报乡镇"
        hint="村里办不了、需要乡镇（街道）出面的，写明原因上报："
        placeholder="例如：涉及两个村的水渠，需要镇里协调"
        confirmText="上报"
        maxLength={200}
        check={(reason) => firstIssue(grievanceEscalateSchema.safeParse({ reason }), '请填写原因')}
        onSubmit={async (reason) => {
          show(await call(grievanceRoutes.escalate, { params: { villageId, id: g.id }, body: { reason } }))
          setAsking(null)
        }}
        onClose={() => setAsking(null)}
      />
    </PageRoot>
  )
}

/** The 两委 members, 网格员 and 村民小组长 to hand the item to. */
function AssignSheet({
  visible,
  villageId,
  current,
  onClose,
  onPick,
}: {
  visible: boolean
  villageId: number
  current: number | null
  onClose: () => void
  onPick: (residentId: number) => void
}) {
  const holders = useResource(
    visible ? () => call(roleRoutes.list, { params: { villageId } }, { toast: false }) : null,
    [visible, villageId],
  )
  const members = assigneeChoices(holders.data ?? [])
  return (
    <Popup visible={visible} position="bottom" round title="交给谁办理" closeable onClose={onClose}>
      <ScrollView scrollY className="handle__sheet">
        {holders.loading && !holders.data ? <View className="handle__note">正在加载…</View> : null}
        {holders.error ? (
          <View
            className="handle__note xl-danger-text xl-tap xl-tap--line"
            onClick={() => void holders.reload()}
          >
            {holders.error.message}，点这里重试
          </View>
        ) : null}
        {holders.data && members.length === 0 ? (
          <View className="handle__note">还没有设置两委成员、网格员或村民小组长</View>
        ) : null}
        <View className="xl-group">
          {members.map((m) => (
            <Cell
              key={m.residentId}
              title={m.name}
              description={m.post}
              extra={m.residentId === current ? '正在办理' : ''}
              clickable
              onClick={() => onPick(m.residentId)}
            />
          ))}
        </View>
      </ScrollView>
    </Popup>
  )
}
