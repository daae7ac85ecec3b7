import { Text, View } from '@tarojs/components'
import { NOTICE_CATEGORY_LABELS, type DeliberationStatus } from '@xiangli/shared'
import { StateTag } from '@/components/StateTag'
import { formatTime } from '@/logic/format'
import {
  statusLabel,
  statusTone,
  type MeetingLine,
  type NoticeView,
  type ResultLine,
  type StepView,
} from './deliberation'
import './deliberation.scss'

export function StatusTag({ status }: { status: DeliberationStatus }) {
  return <StateTag tone={statusTone(status)} label={statusLabel(status)} />
}

export function ResultBlock({ r }: { r: ResultLine }) {
  return (
    <View className={`xl-delib-result xl-delib-result--${r.tone}`}>
      <View className="xl-delib-result__head">
        <StateTag tone={r.tone} label={r.outcomeLabel} />
        <Text className="xl-delib-result__votes">{r.votesText}</Text>
      </View>
      <View className="xl-delib-result__line">{r.attendanceText}</View>
      {r.reason ? <View className="xl-delib-result__line xl-muted">{r.reason}</View> : null}
    </View>
  )
}

function Meeting({ m, onOpen }: { m: MeetingLine; onOpen?: (id: number) => void }) {
  const clickable = m.openable && onOpen
  return (
    <View
      className={`xl-delib-meeting xl-tap${clickable ? ' xl-delib-meeting--link' : ''}`}
      onClick={clickable ? () => onOpen(m.id) : undefined}
    >
      <View className="xl-delib-meeting__head">
        <Text>{m.bodyLabel}</Text>
        <Text className="xl-muted">
          {m.statusLabel}
          {clickable ? ' ›' : ''}
        </Text>
      </View>
      <View className="xl-muted">
        {m.when} · {m.location} · {m.ballotLabel}
      </View>
      {m.result ? <ResultBlock r={m.result} /> : null}
    </View>
  )
}

export function NoticeBlock({ n, children }: { n: NoticeView; children?: React.ReactNode }) {
  return (
    <View className="xl-delib-notice">
      <View className="xl-delib-notice__kind">{NOTICE_CATEGORY_LABELS[n.category]}</View>
      <View className="xl-delib-notice__title">{n.title}</View>
      <View className="xl-delib-notice__body">{n.body}</View>
      <View className="xl-muted">发布于 {formatTime(n.publishedAt)}</View>
      {n.supervisionOpinion ? (
        <View className="xl-delib-notice__opinion">
          <Text className="xl-delib-notice__opinion-label">村务监督委员会意见：</Text>
          <Text>{n.supervisionOpinion}</Text>
        </View>
      ) : (
        <View className="xl-muted">村务监督委员会还没有提出意见</View>
      )}
      {children}
    </View>
  )
}

/** The procedure top to bottom: each step with its body, where it stands, and its meetings' results. */
export function StepList({
  steps,
  onOpenMeeting,
  renderNotice,
}: {
  steps: StepView[]
  onOpenMeeting?: (meetingId: number) => void
  renderNotice?: (n: NoticeView) => React.ReactNode
}) {
  return (
    <View className="xl-delib-steps">
      {steps.map((s) => (
        <View key={s.key} className={`xl-delib-step xl-delib-step--${s.state}`}>
          <View className="xl-delib-step__dot">{s.state === 'done' ? '✓' : s.index}</View>
          <View className="xl-delib-step__main">
            <View className="xl-delib-step__head">
              <Text className="xl-delib-step__label">
                {s.label}
                {s.deciding ? '（决定）' : ''}
              </Text>
              <Text className="xl-delib-step__phase">{s.phaseLabel}</Text>
            </View>
            <View className="xl-muted">{s.bodyLabel}</View>
            {s.meetings.map((m) => (
              <Meeting key={m.id} m={m} onOpen={onOpenMeeting} />
            ))}
            {s.notes.map((n, i) => (
              <View key={i} className="xl-delib-step__note">
                {n}
              </View>
            ))}
            {s.notices.map((n) =>
              renderNotice ? <View key={n.id}>{renderNotice(n)}</View> : <NoticeBlock key={n.id} n={n} />,
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
