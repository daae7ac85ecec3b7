import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatTime } from '@/logic/format'
import { MeetingRecords } from './MeetingRecords'
import { ClerkCard, MembersCard, MinutesCard, MyVoteCard } from './MeetingSections'
import { MeetingTimes, PaperNoticeCard } from './PaperNoticeCard'
import { QuorumBar } from './QuorumBar'
import { ResultBlock } from './StepList'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { VoidVoteCard } from './VoidVoteCard'
import { EmptyView, Pending } from '@/components/States'
import { showProblem, call } from '@/api/request'
import { asApiError, useResource } from '@/hooks/useResource'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useReshow } from '@/hooks/useReshow'
import { ballotLabel, resultLine, type MeetingView, type QuorumView } from './deliberation'
import {
  QUORUM_POLL_MS,
  checkCount,
  confirmVoteText,
  quorumDisplay,
  voteButtons,
  votedKey,
  type CountInput,
} from './meetingVote'
import { clerkWaitText } from './deliberationMeetingTime'
import { idParam } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import { readStored, writeStored } from '@/store/storage'
import './deliberation.scss'
import { CHOICE_LABELS, deliberationRoutes as R, type Choice } from '@xiangli/shared'

/**
 * A meeting of one step: the notice and agenda, who is due, my check-in and vote, the quorum live
 * while it is open, the result once closed. The clerk (两委) opens it, enters the paper sign-in sheet
 * and the count of hands, and closes the vote.
 */
export function MeetingPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const meetingId = idParam(params.meetingId)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const ready = ctx.villageId !== null && id !== null && meetingId !== null
  /** the meeting's route parameters, once `ready` */
  const at = () => ({ villageId, id: id!, meetingId: meetingId! })
  const meeting = useResource(ready ? () => call(R.meeting, { params: at() }, { toast: false }) : null, [
    ready,
    villageId,
    id,
    meetingId,
  ])
  const deliberation = useResource(
    ready ? () => call(R.detail, { params: { villageId, id: id! } }, { toast: false }) : null,
    [ready, villageId, id, meetingId],
  )
  const [quorum, setQuorum] = useState<QuorumView | null>(null)
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<number[]>([])
  const [count, setCount] = useState<CountInput>({ yes: '', no: '', abstain: '' })
  const [countError, setCountError] = useState<string | null>(null)
  const [visible, setVisible] = useState(true)
  const [writing, setWriting] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const accountId = ctx.me?.accountId ?? 0
  const memoryKey = meetingId !== null ? votedKey(accountId, meetingId) : ''
  const [voted, setVoted] = useState(false)
  const statusRef = useRef<string | null>(null)

  useEffect(() => {
    if (memoryKey && accountId) setVoted(readStored<boolean>(memoryKey) === true)
  }, [memoryKey, accountId])
  useDidShow(() => setVisible(true))
  // back from 会议改期 (or any page): the meeting may have a new time
  useReshow(() => {
    void meeting.reload()
    void deliberation.reload()
  })
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void Promise.all([meeting.reload(), deliberation.reload(), refreshQuorum()]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  async function refreshQuorum(): Promise<void> {
    if (!ready) return
    try {
      const q = await call(R.quorum, { params: at() }, { toast: false })
      setQuorum(q)
      // the clerk closed the vote (or opened the meeting) on another phone
      if (statusRef.current !== null && q.status !== statusRef.current) {
        void meeting.reload()
        void deliberation.reload()
      }
    } catch {
      // a missed poll is fine: the next one comes in a few seconds
    }
  }

  const status = meeting.data?.status ?? null
  const moment = meeting.data?.timing.moment ?? null
  statusRef.current = status
  // the live quorum: now, and every few seconds while the meeting is open, or checking in before it
  // opens (the page then sees the clerk open it), and the page is in front
  useEffect(() => {
    if (!ready || status === null) return
    void refreshQuorum()
    const live =
      status === 'in_session' || (status === 'scheduled' && (moment === 'check_in' || moment === 'due'))
    if (!live || !visible) return
    const timer = setInterval(() => void refreshQuorum(), QUORUM_POLL_MS)
    return () => clearInterval(timer)
  }, [ready, status, moment, visible, villageId, id, meetingId])

  const gate = residentGate(ctx, '会议', {
    title: '实名认证后才能参加会议',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能签到和表决。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!ready)
    return (
      <PageRoot>
        <EmptyView title="没有找到这次会议" description="链接不完整，请从议事详情里打开。" />
      </PageRoot>
    )
  if (!meeting.data)
    return (
      <PageRoot>
        <Pending resource={meeting} />
      </PageRoot>
    )

  const m = meeting.data
  const d = deliberation.data
  const actions = new Set(d && d.step === m.step ? d.actions : [])
  const canOpen = actions.has('open') && m.status === 'scheduled'
  const canCancel = actions.has('cancel_meeting') && m.status === 'scheduled'
  // a meeting not held gets a new time: the one waiting to open, or one that lapsed
  const canMove =
    (m.status === 'scheduled' && actions.has('reschedule_meeting')) ||
    (m.status === 'lapsed' && actions.has('schedule_meeting'))
  const waitText = clerkWaitText(m, { records: m.canRecord, canOpen })
  // past its time by a day: lapsed, whether or not the server has marked it yet
  const lapsed = m.status === 'lapsed' || (m.status === 'scheduled' && m.timing.moment === 'lapsed')
  const moveMeeting = () =>
    void Taro.navigateTo({
      url: withQuery(ROUTES.committeeDeliberationSchedule, { id: id!, villageId, meetingId: meetingId! }),
    })
  const canSignIn = actions.has('record_attendance') && m.status === 'in_session'
  const canClose = actions.has('record_result') && m.status === 'in_session'
  const clerk = canOpen || canSignIn || canClose
  // the server knows whether I voted (never how); the phone's memory covers the moment after voting
  const mine = voteButtons(m, voted || m.iVoted === true)
  const shownMeeting = (next: MeetingView) => meeting.setData(() => next)
  const present = quorum?.attendance.present ?? m.present

  /** Runs one action; the server's own words are shown when it refuses. */
  async function act(work: () => Promise<void>): Promise<void> {
    setBusy(true)
    try {
      await work()
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
      // the records were found altered: the page now offers to declare the vote void
      if (error.code === 'DELIBERATION_BALLOTS_UNACCOUNTED') await meeting.reload()
    } finally {
      setBusy(false)
    }
  }

  const doCheckIn = () =>
    act(async () => {
      setQuorum(await call(R.checkIn, { params: at() }, { toast: false }))
      await meeting.reload()
      void Taro.showToast({ title: '已签到', icon: 'success' })
    })

  async function vote(choice: Choice): Promise<void> {
    const { confirm } = await Taro.showModal({
      title: `确认投“${CHOICE_LABELS[choice]}”`,
      content: confirmVoteText(choice, m.ballot),
      confirmText: '确认投票',
      cancelText: '再想想',
    })
    if (!confirm) return
    await act(async () => {
      try {
        await call(R.vote, { params: at(), body: { choice } }, { toast: false })
      } catch (e) {
        // sent twice on a weak network: the first one counted
        if (asApiError(e).code !== 'DELIBERATION_ALREADY_VOTED') throw e
      }
      // the phone remembers that I voted, never what
      writeStored(memoryKey, true)
      setVoted(true)
      void Taro.showToast({ title: '已投票', icon: 'success' })
    })
  }

  const doOpen = () =>
    act(async () => {
      shownMeeting(await call(R.open, { params: at() }, { toast: false }))
      await Promise.all([deliberation.reload(), refreshQuorum()])
      void Taro.showToast({ title: '会议已开始', icon: 'success' })
    })

  const doPaperSignIn = () =>
    act(async () => {
      if (picked.length === 0) {
        showProblem('请先点选签到表上到会的人')
        return
      }
      setQuorum(await call(R.paperSignIn, { params: at(), body: { memberIds: picked } }, { toast: false }))
      setPicked([])
      await meeting.reload()
      void Taro.showToast({ title: '已登记', icon: 'success' })
    })

  async function doClose(): Promise<void> {
    const checked = checkCount(count, present)
    if (!checked.ok) {
      setCountError(checked.error)
      return
    }
    const c = checked.counted
    const { confirm } = await Taro.showModal({
      title: '结束表决',
      content: `现场清点：同意 ${c.yes}，反对 ${c.no}，弃权 ${c.abstain}，再加上手机上投的票。结束后结果不能更改，确定吗？`,
      confirmText: '结束表决',
    })
    if (!confirm) return
    await act(async () => {
      shownMeeting(await call(R.close, { params: at(), body: { counted: c } }, { toast: false }))
      await Promise.all([deliberation.reload(), refreshQuorum()])
      void Taro.showToast({ title: '表决已结束', icon: 'success' })
    })
  }

  const q = quorum ? quorumDisplay(quorum) : null
  return (
    <PageRoot>
      <View className="xl-card xl-delib-card">
        <View className="xl-delib-card__head">
          <Text className="xl-delib-card__title">{m.bodyLabel}</Text>
          <Text
            className={`xl-state-tag xl-state-tag--${m.status === 'in_session' ? 'working' : m.status === 'closed' ? 'done' : 'waiting'}`}
          >
            {lapsed
              ? '已失效'
              : m.status === 'scheduled'
                ? '还没开始'
                : m.status === 'in_session'
                  ? '正在开会'
                  : m.status === 'closed'
                    ? '已结束'
                    : m.status === 'voided'
                      ? '表决作废'
                      : '已取消'}
          </Text>
        </View>
        {d ? (
          <View className="xl-muted">
            {d.title} · {d.stepLabel}
          </View>
        ) : null}
        <View className="xl-delib-card__meta">
          <Text>地点：{m.location}</Text>
          <Text>{ballotLabel(m.ballot)}</Text>
          <Text>{formatTime(m.noticeAt)} 发出通知</Text>
        </View>
        <MeetingTimes m={m} />
        <View className="xl-muted xl-delib-agenda">会议议题</View>
        <View className="xl-delib-content">{m.agenda}</View>
      </View>

      <VoidVoteCard
        m={m}
        villageId={villageId}
        deliberationId={id!}
        onVoided={async (v) => {
          shownMeeting(v)
          await deliberation.reload()
        }}
      />
      <PaperNoticeCard
        m={m}
        villageId={villageId}
        onConfirmed={(next) => {
          shownMeeting(next)
          void deliberation.reload()
        }}
      />

      {m.status !== 'closed' && m.status !== 'cancelled' && !lapsed && q ? (
        <View className="xl-card">
          <QuorumBar q={q} live={m.status === 'in_session'} />
        </View>
      ) : null}

      {m.result ? (
        <View className="xl-card">
          <View className="xl-card__title">表决结果</View>
          <ResultBlock r={resultLine(m.result)} />
        </View>
      ) : null}

      <MyVoteCard mine={mine} busy={busy} onCheckIn={() => void doCheckIn()} onVote={(c) => void vote(c)} />

      <MembersCard
        m={m}
        shown={m.members.length > 1 || clerk}
        present={present}
        canSignIn={canSignIn}
        picked={picked}
        setPicked={setPicked}
        busy={busy}
        onSignIn={() => void doPaperSignIn()}
      />
      <ClerkCard
        m={m}
        can={{ open: canOpen, close: canClose, move: canMove, cancel: canCancel }}
        waitText={waitText}
        present={present}
        busy={busy}
        count={count}
        countError={countError}
        onCount={(c, v) => {
          setCount((x) => ({ ...x, [c]: v }))
          setCountError(null)
        }}
        onOpen={() => void doOpen()}
        onMove={moveMeeting}
        onCancel={() => setCancelling(true)}
        onClose={() => void doClose()}
      />
      <MinutesCard m={m} onWrite={() => setWriting(true)} />

      <MeetingRecords m={m} villageId={villageId} deliberationId={id!} onChanged={shownMeeting} />

      <ReasonDialog
        visible={cancelling}
        title="取消会议"
        hint="取消后这一步要重新发会议通知。请写明原因，参会的人都能看到："
        placeholder="例如：书记临时外出"
        confirmText="取消会议"
        maxLength={200}
        check={(t) => (t.trim() ? null : '请填写取消的原因')}
        onSubmit={async (reason) => {
          await call(R.cancel, { params: at(), body: { reason } })
          setCancelling(false)
          await Promise.all([meeting.reload(), deliberation.reload()])
          void Taro.showToast({ title: '会议已取消', icon: 'success' })
        }}
        onClose={() => setCancelling(false)}
      />
      <ReasonDialog
        visible={writing}
        title={m.minutes && m.minutes.length > 0 ? '更正会议记录' : '会议记录'}
        hint="记下会上说了什么、谁发了言、怎么表决的。记下后不能删改，只能再写更正。"
        placeholder="例如：李建华主持，介绍了修桥方案……"
        confirmText="保存"
        maxLength={10000}
        check={(t) => (t.trim() ? null : '请填写会议记录')}
        onSubmit={async (text) => {
          shownMeeting(await call(R.addMinutes, { params: at(), body: { text } }))
          setWriting(false)
          void Taro.showToast({ title: '已保存', icon: 'success' })
        }}
        onClose={() => setWriting(false)}
      />
    </PageRoot>
  )
}
