/**
 * The parts of a meeting's page below the caller's own check-in and vote: the member list with the
 * clerk's paper sign-in, the clerk's card (open, move, cancel, count and close), and the minutes.
 */
import type { Dispatch, ReactElement, SetStateAction } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { CHOICE_LABELS, CHOICES, type Choice } from '@xiangli/shared'
import { FieldError } from '@/components/Form'
import { formatTime } from '@/logic/format'
import { minutesLabel, type MeetingView } from './deliberation'
import { absentMembers, toggle, type CountInput, type VoteButtons } from './meetingVote'

/** The caller's own check-in and vote: the one button their stage allows. */
export function MyVoteCard({
  mine,
  busy,
  onCheckIn,
  onVote,
}: {
  mine: VoteButtons
  busy: boolean
  onCheckIn: () => void
  onVote: (c: Choice) => void
}): ReactElement {
  return (
    <View className="xl-card">
      <View className="xl-card__title">我的签到和表决</View>
      <View className="xl-muted">{mine.hint}</View>
      {mine.stage === 'check_in' ? (
        <View className="xl-actions">
          <Button type="primary" size="large" loading={busy} disabled={busy} onClick={onCheckIn}>
            我已到会
          </Button>
        </View>
      ) : null}
      {mine.stage === 'vote' ? (
        <View className="xl-delib-vote">
          {CHOICES.map((c) => (
            <Button
              key={c}
              type={c === 'yes' ? 'primary' : c === 'no' ? 'danger' : 'default'}
              size="large"
              disabled={busy}
              onClick={() => onVote(c)}
            >
              {CHOICE_LABELS[c]}
            </Button>
          ))}
        </View>
      ) : null}
      {mine.stage === 'voted' ? <View className="xl-delib-voted">已投票</View> : null}
    </View>
  )
}

/** Who is due, who is present; the clerk ticks the paper sheet's names here. */
export function MembersCard({
  m,
  shown,
  present,
  canSignIn,
  picked,
  setPicked,
  busy,
  onSignIn,
}: {
  m: MeetingView
  shown: boolean
  present: number
  canSignIn: boolean
  picked: number[]
  setPicked: Dispatch<SetStateAction<number[]>>
  busy: boolean
  onSignIn: () => void
}): ReactElement | null {
  if (!shown) return null
  const absent = absentMembers(m.members)
  return (
    <View className="xl-card">
      <View className="xl-card__title">
        参会名单（应到 {m.due} 人，已到 {present} 人）
      </View>
      <View className="xl-muted">
        名单在发会议通知时确定，之后不再变。
        {canSignIn ? '按纸质签到表，点选到会的人，再点“登记签到”。' : ''}
      </View>
      <View className="xl-delib-members">
        {m.members.map((x) => (
          <View
            key={x.id}
            className={`xl-delib-member xl-tap${x.present ? ' xl-delib-member--present' : ''}${picked.includes(x.id) ? ' xl-delib-member--picked' : ''}`}
            onClick={canSignIn && !x.present ? () => setPicked((p) => toggle(p, x.id)) : undefined}
          >
            {x.present ? '✓ ' : picked.includes(x.id) ? '☑ ' : ''}
            {x.name}
          </View>
        ))}
      </View>
      {canSignIn ? (
        <View className="xl-actions">
          <Button
            disabled={busy || absent.length === 0}
            onClick={() => setPicked(picked.length === absent.length ? [] : absent.map((x) => x.id))}
          >
            {picked.length === absent.length && absent.length > 0 ? '全不选' : '全选未到的'}
          </Button>
          <Button type="primary" loading={busy} disabled={busy} onClick={onSignIn}>
            登记签到（{picked.length} 人）
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** The clerk's card: open, move or cancel the meeting; the count of hands and the close. */
export function ClerkCard({
  m,
  can,
  waitText,
  present,
  busy,
  count,
  countError,
  onCount,
  onOpen,
  onMove,
  onCancel,
  onClose,
}: {
  m: MeetingView
  can: { open: boolean; close: boolean; move: boolean; cancel: boolean }
  waitText: string | null
  present: number
  busy: boolean
  count: CountInput
  countError: string | null
  onCount: (c: Choice, v: string) => void
  onOpen: () => void
  onMove: () => void
  onCancel: () => void
  onClose: () => void
}): ReactElement | null {
  if (!(can.open || can.close || can.move || can.cancel || waitText)) return null
  return (
    <View className="xl-card xl-delib-form">
      <View className="xl-card__title">会议记录员</View>
      {waitText ? <View className="xl-muted xl-delib-wait">{waitText}</View> : null}
      {can.open || can.move || can.cancel ? (
        <View className="xl-actions">
          {can.open ? (
            <Button type="primary" loading={busy} disabled={busy} onClick={onOpen}>
              开始会议
            </Button>
          ) : null}
          {can.move ? (
            <Button type={m.status === 'lapsed' ? 'primary' : 'default'} disabled={busy} onClick={onMove}>
              {m.status === 'lapsed' ? '重新安排会议' : '会议改期'}
            </Button>
          ) : null}
          {can.cancel ? (
            <Button disabled={busy} onClick={onCancel}>
              取消会议
            </Button>
          ) : null}
        </View>
      ) : null}
      {can.close ? (
        <>
          <View className="xl-muted">
            现场举手或纸质投票的，清点后填在这里（只数没有在手机上投票的人）。手机上投的票会自动加上，合计不能超过到会的{' '}
            {present} 人。
          </View>
          <View className="xl-form__field">
            <View className="xl-delib-form__count">
              {CHOICES.map((c) => (
                <View key={c}>
                  <View className="xl-form__label">{CHOICE_LABELS[c]}</View>
                  <Input
                    type="digit"
                    value={count[c]}
                    placeholder={`${CHOICE_LABELS[c]}票数`}
                    onChange={(v) => onCount(c, v)}
                  />
                </View>
              ))}
            </View>
            {countError ? <FieldError error={countError} /> : null}
          </View>
          <View className="xl-actions">
            <Button type="primary" loading={busy} disabled={busy} onClick={onClose}>
              结束表决
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}

/** 会议记录 and its corrections; those who record the step write them. */
export function MinutesCard({ m, onWrite }: { m: MeetingView; onWrite: () => void }): ReactElement | null {
  if (!(m.minutes && (m.minutes.length > 0 || m.canRecord))) return null
  return (
    <View className="xl-card">
      <View className="xl-card__title">会议记录</View>
      {m.minutes.length === 0 ? <View className="xl-muted">还没有会议记录</View> : null}
      {m.minutes.map((e) => (
        <View key={e.id} className="xl-delib-minutes">
          <View className="xl-muted">
            {minutesLabel(e)} · {formatTime(e.createdAt)}
          </View>
          <View className="xl-delib-content">{e.text}</View>
        </View>
      ))}
      {m.canRecord ? (
        <View className="xl-actions">
          <Button onClick={onWrite}>{m.minutes.length === 0 ? '填写会议记录' : '更正会议记录'}</Button>
        </View>
      ) : null}
    </View>
  )
}
