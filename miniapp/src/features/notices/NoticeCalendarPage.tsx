import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  FINANCE_CADENCES,
  FINANCE_CADENCE_LABELS,
  noticeRoutes,
  type FinanceCadence,
  type VillageNoticeCalendar,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { Pending } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { calendarGroups, noticeBench, type CalendarGroup } from './notice'
import { ROUTES, withQuery } from '@/routes'
import { noticeGate } from './noticeGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './NoticeCalendarPage.scss'

/**
 * 公开日历 (组织法 Art 30): 村务 at least every quarter, 财务 every month (or quarter), major matters at
 * once — what is published, what is due and what is overdue.
 */
export function NoticeCalendarPage() {
  const ctx = useCommitteeVillage()
  const bench = noticeBench(ctx.membership)
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && (bench.manage || bench.supervise)
  const calendar = useResource<VillageNoticeCalendar>(
    allowed ? () => call(noticeRoutes.calendar, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const [saving, setSaving] = useState(false)
  useReshow(() => void calendar.reload())
  usePullDownRefresh(() => {
    void calendar.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = noticeGate(ctx, 'any', '查看公开日历')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!calendar.data)
    return (
      <PageRoot>
        <Pending resource={calendar} />
      </PageRoot>
    )

  const c = calendar.data
  const groups = calendarGroups(c.items)

  async function setCadence(financeCadence: FinanceCadence) {
    if (financeCadence === c.settings.financeCadence) return
    setSaving(true)
    try {
      await call(noticeRoutes.updateSettings, {
        params: { villageId },
        body: { ...c.settings, financeCadence },
      })
      await calendar.reload()
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageRoot className="ncal">
      <View className="xl-card">
        <View className="xl-card__title">{c.villageName}公开情况</View>
        <View className="ncal__summary">
          <View className={`ncal__count${c.overdue > 0 ? ' ncal__count--bad' : ''}`}>
            <View className="ncal__num">{c.overdue}</View>
            <View className="xl-muted">逾期未公开</View>
          </View>
          <View className="ncal__count">
            <View className="ncal__num">{c.due}</View>
            <View className="xl-muted">待公开</View>
          </View>
          <View className="ncal__count">
            <View className="ncal__num">{c.met}</View>
            <View className="xl-muted">已公开</View>
          </View>
        </View>
      </View>

      {groups.map((g) => (
        <CalendarCard key={g.obligation} g={g} villageId={villageId} />
      ))}

      <View className="xl-card">
        <View className="xl-card__title">财务公开的频次</View>
        <View className="xl-card__text">
          收支笔数多的按月公开，少的可以按季度。期满后 {c.settings.graceDays} 天内发布算按时。
        </View>
        {bench.manage ? (
          <Chips
            options={FINANCE_CADENCES.map((f) => ({ value: f, label: FINANCE_CADENCE_LABELS[f] }))}
            value={c.settings.financeCadence}
            onChange={(f) => {
              if (!saving) void setCadence(f)
            }}
          />
        ) : (
          <View className="xl-card__text">{FINANCE_CADENCE_LABELS[c.settings.financeCadence]}</View>
        )}
      </View>
    </PageRoot>
  )
}

function CalendarCard({ g, villageId }: { g: CalendarGroup; villageId: number }) {
  return (
    <View className="xl-card">
      <View className="xl-card__title">{g.title}</View>
      {g.rows.map((r) => (
        <View
          key={r.key}
          className="ncal__row xl-tap"
          onClick={() => {
            if (r.noticeId !== null)
              void Taro.navigateTo({ url: withQuery(ROUTES.committeeNotice, { id: r.noticeId, villageId }) })
          }}
        >
          <View>
            <View className="ncal__label">{r.label}</View>
            <View className="xl-muted">{r.note}</View>
          </View>
          <Text className={`ncal__status ncal__status--${r.tone}`}>{r.statusLabel}</Text>
        </View>
      ))}
    </View>
  )
}
