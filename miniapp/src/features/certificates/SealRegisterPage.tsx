import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { certificateRoutes, pathOf, sealRegisterQuerySchema } from '@xiangli/shared'
import { buildQuery } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { DateInput } from '@/platform/DateInput'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { defaultRegisterRange } from './certificate'
import { formatTime } from '@/logic/format'
import { openProtectedFile } from '@/platform/openDocument'
import { PlatformProblem } from '@/platform/problem'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './SealRegisterPage.scss'

/** 用印登记: every certificate the village stamped, for a date range, and the same as a spreadsheet. */
export function SealRegisterPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.viewSealRegister
  const villageId = ctx.villageId ?? 0
  const [range, setRange] = useState(defaultRegisterRange)
  const [typed, setTyped] = useState(range)
  const [problem, setProblem] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const list = useResource(
    allowed
      ? () => call(certificateRoutes.sealRegister, { params: { villageId }, query: range }, { toast: false })
      : null,
    [allowed, villageId, range.from, range.to],
  )

  const gate = committeeGate(ctx, 'viewSealRegister', '用印登记')
  if (gate) return <PageRoot>{gate}</PageRoot>

  function apply() {
    const checked = sealRegisterQuerySchema.safeParse(typed)
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '日期不对')
      return
    }
    setProblem(null)
    setRange(checked.data)
  }

  async function exportXlsx() {
    setExporting(true)
    try {
      await openProtectedFile(
        pathOf(certificateRoutes.sealRegisterXlsx, { villageId }) + buildQuery(range),
        'xlsx',
        `用印登记-${range.from}-${range.to}.xlsx`,
      )
    } catch (e) {
      // what went wrong in plain words when the phone said; otherwise the general sentence
      showProblem(e instanceof PlatformProblem ? e.message : '没有导出，请稍后再试')
    } finally {
      setExporting(false)
    }
  }

  let body
  if (list.loading) body = <LoadingView />
  else if (list.error || !list.data)
    body = <ErrorView error={list.error} onRetry={() => void list.reload()} />
  else if (list.data.length === 0)
    body = <EmptyView title="这段时间没有用印" description="出具证明后，每一次用印都会记在这里。" />
  else
    body = (
      <>
        <View className="xl-section-title">共 {list.data.length} 次用印</View>
        {list.data.map((e) => (
          <View key={e.certificateNumber} className="xl-card seal__row">
            <View className="xl-card__title">{e.itemName}</View>
            <View>编号：{e.certificateNumber}</View>
            <View>
              用印时间：{formatTime(e.at)} · {e.copies} 份
            </View>
            <View>
              审批：{e.approverName} · 经办：{e.handlerName}
            </View>
            <View>
              申请人：{e.applicantName} {e.applicantPhoneMasked}
            </View>
          </View>
        ))}
      </>
    )

  return (
    <PageRoot className="seal">
      <View className="xl-card seal__range">
        <View className="seal__dates">
          <DateInput
            mode="date"
            value={typed.from}
            placeholder="开始日期"
            onChange={(from) => setTyped((t) => ({ ...t, from }))}
          />
          <View className="seal__to">至</View>
          <DateInput
            mode="date"
            value={typed.to}
            placeholder="结束日期"
            onChange={(to) => setTyped((t) => ({ ...t, to }))}
          />
        </View>
        {problem ? <View className="xl-danger-text">{problem}</View> : null}
        <View className="xl-actions">
          <Button onClick={apply}>查询</Button>
          <Button
            type="primary"
            loading={exporting}
            disabled={!list.data || list.data.length === 0}
            onClick={() => void exportXlsx()}
          >
            导出表格
          </Button>
        </View>
      </View>
      {body}
    </PageRoot>
  )
}
