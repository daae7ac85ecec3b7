import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { cadreReviewRoutes, type ReviewView } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { useVillageRecord } from '@/hooks/useVillageRecord'
import { asApiError } from '@/hooks/useResource'
import { formatTime } from '@/logic/format'
import { reviewActions } from './cadreReview'
import { BallotForm, CloseForm, PaperSignIn, ReportForm, ScheduleForm } from './ReviewForms'
import { ReviewResult } from './ReviewResult'
import { StaffPicker } from './StaffPicker'
import './cadreReview.scss'

/**
 * One year's 民主评议: who is reviewed and their 述职报告, the meeting, and the result. Each person sees
 * what they may do: the supervision committee runs it, the reviewed report, members vote, all read.
 */
export function ReviewDetailPage() {
  const opened = useVillageRecord(
    (villageId, id) => call(cadreReviewRoutes.detail, { params: { villageId, id } }, { toast: false }),
    {
      feature: '民主评议',
      unverified: {
        title: '实名认证后才能看民主评议',
        description: '村（居）委会确认您是本村（社区）的村（居）民后，就能看村干部述职和评议结果。',
      },
      missing: { title: '没有找到这次评议', description: '链接不完整，请从“办事 → 民主评议”里打开。' },
    },
  )
  const [busy, setBusy] = useState(false)
  if (opened.view) return opened.view
  const { villageId, record: r, resource: found } = opened
  const can = reviewActions(r)
  const p = { params: { villageId, id: r.id } }

  async function run(work: () => Promise<ReviewView | unknown>, done = '已办好') {
    setBusy(true)
    try {
      const next = await work()
      if (next && typeof next === 'object' && 'subjects' in next) found.setData(() => next as ReviewView)
      else await found.reload()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (error.sessionEnded) return
      showProblem(error.message)
      void found.reload()
    } finally {
      setBusy(false)
    }
  }
  const opt = { toast: false }
  const m = r.meeting

  return (
    <PageRoot>
      <View className="xl-card">
        <Text className="review__title">{`${r.year} 年度民主评议`}</Text>
        <View className="review__meta">
          <Text>{r.statusLabel}</Text>
          <Text>村务监督委员会主持</Text>
        </View>
        <View className="xl-muted">{`评定办法：${r.ratingRuleText}`}</View>
      </View>
      {r.result ? <ReviewResult result={r.result} /> : null}
      {m ? (
        <View className="xl-card review-meeting">
          <View className="xl-card__title">{`${m.bodyLabel} · ${m.status === 'in_session' ? '正在开会' : m.status === 'scheduled' ? '已通知' : '已结束'}`}</View>
          <View className="review__meta">
            <Text>{formatTime(m.meetingAt)}</Text>
            <Text>{m.location}</Text>
            <Text className="review-quorum">{`应到 ${m.due} 人，到会 ${m.present} 人${m.quorum.met ? '，已达法定人数' : ''}`}</Text>
          </View>
          {can.open ? (
            <Button
              type="primary"
              block
              loading={busy}
              onClick={() => void run(() => call(cadreReviewRoutes.openMeeting, p, opt), '会议开始')}
            >
              开始会议
            </Button>
          ) : null}
          {can.checkIn ? (
            <Button
              type="primary"
              block
              loading={busy}
              onClick={() => void run(() => call(cadreReviewRoutes.checkIn, p, opt), '已签到')}
            >
              签到
            </Button>
          ) : null}
          {r.mine.voted ? <View className="xl-muted">您已经投过票了。</View> : null}
        </View>
      ) : null}
      {can.vote ? (
        <BallotForm
          review={r}
          busy={busy}
          send={(ratings) =>
            run(() => call(cadreReviewRoutes.vote, { ...p, body: { ratings } }, opt), '已投票')
          }
        />
      ) : null}
      {can.close ? (
        <>
          <PaperSignIn
            review={r}
            busy={busy}
            send={(memberIds) =>
              run(() => call(cadreReviewRoutes.paperSignIn, { ...p, body: { memberIds } }, opt), '已登记')
            }
          />
          <CloseForm
            review={r}
            busy={busy}
            send={(body) => run(() => call(cadreReviewRoutes.close, { ...p, body }, opt), '已计票')}
          />
        </>
      ) : null}
      {can.schedule ? (
        <ScheduleForm
          busy={busy}
          send={(b) =>
            run(
              () =>
                call(
                  cadreReviewRoutes.schedule,
                  { ...p, body: { ...b, meetingAt: new Date(b.meetingAt) } },
                  opt,
                ),
              '已发通知',
            )
          }
        />
      ) : null}
      {can.report && r.mine.subjectId !== null ? (
        <ReportForm
          initial={r.subjects.find((s) => s.id === r.mine.subjectId)?.report ?? ''}
          busy={busy}
          send={(text) =>
            run(
              () =>
                call(
                  cadreReviewRoutes.report,
                  { params: { villageId, id: r.id, subjectId: r.mine.subjectId! }, body: { text } },
                  opt,
                ),
              '已提交',
            )
          }
        />
      ) : null}
      {can.editSubjects ? (
        <StaffPicker
          review={r}
          villageId={villageId}
          busy={busy}
          add={(residentId) =>
            run(
              () => call(cadreReviewRoutes.addSubject, { ...p, body: { residentId, post: 'staff' } }, opt),
              '已列入',
            )
          }
        />
      ) : null}
      <View className="xl-section-title">{`被评议人员（${r.subjects.length} 人）`}</View>
      {r.subjects.map((s) => (
        <View key={s.id} className="xl-card review-subject">
          <Text className="review__rating">{s.name}</Text>
          <View className="review__meta">
            <Text>{s.postLabel}</Text>
            {can.editSubjects ? (
              <Text
                className="xl-link"
                onClick={() =>
                  void run(
                    () =>
                      call(
                        cadreReviewRoutes.removeSubject,
                        { params: { villageId, id: r.id, subjectId: s.id } },
                        opt,
                      ),
                    '已移出',
                  )
                }
              >
                移出名单
              </Text>
            ) : null}
          </View>
          <View className="review__report">{s.report ?? '还没有提交述职报告'}</View>
        </View>
      ))}
    </PageRoot>
  )
}
