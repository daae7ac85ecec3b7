import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  MAX_WORK_REPORT,
  type ReviewBody,
  type ReviewCloseRequest,
  type ReviewRating,
  type ReviewView,
} from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { DateInput } from '@/platform/DateInput'
import { parseChinaTime } from '@/features/deliberations/deliberationForm'
import { BODY_CHIPS, RATING_CHIPS, ballotOf } from './cadreReview'

/** 述职报告: the reviewed person's own text. */
export function ReportForm({
  initial,
  busy,
  send,
}: {
  initial: string
  busy: boolean
  send: (text: string) => Promise<void>
}) {
  const [text, setText] = useState(initial)
  return (
    <View className="xl-card">
      <View className="xl-card__title">我的述职报告</View>
      <TextArea
        value={text}
        placeholder="这一年做了哪些工作，有什么不足"
        maxLength={MAX_WORK_REPORT}
        onChange={setText}
      />
      <Button type="primary" block loading={busy} disabled={!text.trim()} onClick={() => void send(text)}>
        提交述职报告
      </Button>
    </View>
  )
}

/** 通知开会: the body, the day and time, the place. */
export function ScheduleForm({
  busy,
  send,
}: {
  busy: boolean
  send: (b: { body: ReviewBody; meetingAt: string; location: string }) => Promise<void>
}) {
  const [body, setBody] = useState<ReviewBody>('representatives_meeting')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('19:30')
  const [location, setLocation] = useState('村委会会议室')
  const at = parseChinaTime(date, time)
  return (
    <View className="xl-card">
      <View className="xl-card__title">通知召开评议会议</View>
      <Field label="由哪个会议评议">
        <Chips options={BODY_CHIPS} value={body} onChange={setBody} />
      </Field>
      <Field label="开会日期">
        <DateInput mode="date" value={date} placeholder="选择开会日期" onChange={setDate} />
      </Field>
      <Field label="开会时间">
        <DateInput mode="time" value={time} placeholder="选择开会时间" onChange={setTime} />
      </Field>
      <Field label="开会地点">
        <Input value={location} placeholder="例如：村委会会议室" maxLength={100} onChange={setLocation} />
      </Field>
      <Button
        type="primary"
        block
        loading={busy}
        disabled={!at || !location.trim()}
        onClick={() => at && void send({ body, meetingAt: at.toISOString(), location })}
      >
        发出会议通知
      </Button>
    </View>
  )
}

/** 无记名投票: one rating for every reviewed person, then one tap. */
export function BallotForm({
  review,
  busy,
  send,
}: {
  review: ReviewView
  busy: boolean
  send: (ratings: { subjectId: number; rating: ReviewRating }[]) => Promise<void>
}) {
  const [picks, setPicks] = useState<Record<number, ReviewRating | undefined>>({})
  const ballot = ballotOf(review, picks)
  return (
    <View className="xl-card">
      <View className="xl-card__title">评议票（无记名）</View>
      <View className="xl-muted">每位被评议人选一项。票上不记您的名字，谁投了什么不会被记录。</View>
      {review.subjects.map((s) => (
        <View key={s.id} className="review__person">
          <Text className="review__rating">{`${s.name}（${s.postLabel}）`}</Text>
          <Chips
            options={RATING_CHIPS}
            value={picks[s.id] ?? null}
            onChange={(v) => v && setPicks((p) => ({ ...p, [s.id]: v }))}
          />
        </View>
      ))}
      <Button
        type="primary"
        block
        loading={busy}
        disabled={!ballot.ok}
        onClick={() => ballot.ok && void send(ballot.ratings)}
      >
        投票
      </Button>
    </View>
  )
}

/** 纸质签到: members without the app, ticked from the paper sheet. */
export function PaperSignIn({
  review,
  busy,
  send,
}: {
  review: ReviewView
  busy: boolean
  send: (ids: number[]) => Promise<void>
}) {
  const absent = (review.meeting?.members ?? []).filter((m) => !m.present)
  const [picked, setPicked] = useState<number[]>([])
  if (absent.length === 0) return null
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))
  return (
    <View className="xl-card">
      <View className="xl-card__title">{`纸质签到（未到 ${absent.length} 人）`}</View>
      <View className="review__chips">
        {absent.map((m) => (
          <View
            key={m.id}
            className={`xl-chip${picked.includes(m.id) ? ' xl-chip--on' : ''}`}
            onClick={() => toggle(m.id)}
          >
            {m.name}
          </View>
        ))}
      </View>
      <View className="xl-actions">
        <Button onClick={() => setPicked(absent.map((m) => m.id))}>全选未到的</Button>
        <Button
          type="primary"
          loading={busy}
          disabled={picked.length === 0}
          onClick={() => void send(picked).then(() => setPicked([]))}
        >
          登记签到
        </Button>
      </View>
    </View>
  )
}

const num = (v: string): number => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : 0)

/** 结束投票: the paper ballots counted in public, added to the app's, then the count. */
export function CloseForm({
  review,
  busy,
  send,
}: {
  review: ReviewView
  busy: boolean
  send: (b: ReviewCloseRequest) => Promise<void>
}) {
  const [paperBallots, setPaperBallots] = useState('0')
  const [paper, setPaper] = useState<Record<string, string>>({})
  const cell = (id: number, r: ReviewRating) => paper[`${id}:${r}`] ?? ''
  const body = (): ReviewCloseRequest => ({
    paperBallots: num(paperBallots),
    paper: review.subjects.map((s) => ({
      subjectId: s.id,
      competent: num(cell(s.id, 'competent')),
      basic: num(cell(s.id, 'basic')),
      incompetent: num(cell(s.id, 'incompetent')),
    })),
  })
  return (
    <View className="xl-card">
      <View className="xl-card__title">结束投票并计票</View>
      <Field label="收回的纸质票（张）">
        <Input type="number" value={paperBallots} placeholder="纸质票张数" onChange={setPaperBallots} />
      </Field>
      {review.subjects.map((s) => (
        <Field key={s.id} label={`${s.name} 的纸质票`}>
          <View className="review__paper">
            {RATING_CHIPS.map((r) => (
              <Input
                key={r.value}
                type="number"
                value={cell(s.id, r.value)}
                placeholder={`${s.name}${r.label}票数`}
                onChange={(v) => setPaper((p) => ({ ...p, [`${s.id}:${r.value}`]: v }))}
              />
            ))}
          </View>
        </Field>
      ))}
      <Button type="primary" block loading={busy} onClick={() => void send(body())}>
        结束投票，公布结果
      </Button>
    </View>
  )
}
