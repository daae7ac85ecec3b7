import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import { noticeRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { formatTime } from '@/logic/format'
import { idParam } from '@/logic/links'
import { noticeGate } from './noticeGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'

type Show = 'missing' | 'acknowledged'

/** 确认情况: which households confirmed they read a notice that asks for it, and which have not yet. */
export function NoticeAcksPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && id !== null
  const report = useResource(
    allowed ? () => call(noticeRoutes.acks, { params: { villageId, id } }, { toast: false }) : null,
    [allowed, villageId, id],
  )
  const [show, setShow] = useState<Show>('missing')
  usePullDownRefresh(() => {
    void report.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = noticeGate(ctx, 'any', '查看确认情况')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!report.data)
    return (
      <PageRoot>
        <Pending resource={report} />
      </PageRoot>
    )

  const r = report.data
  const head = (name: string | null, code: string) => (name ? `${name}户（${code}）` : `户号 ${code}`)
  return (
    <PageRoot>
      <View className="xl-card">
        <View className="xl-card__title">
          已确认 {r.acknowledged.length} 户 / 共 {r.totalHouseholds} 户
        </View>
        <View className="xl-card__text">还有 {r.missing.length} 户没有确认，可以电话或上门告知。</View>
      </View>
      <Chips
        options={[
          { value: 'missing' as Show, label: `未确认 ${r.missing.length}` },
          { value: 'acknowledged' as Show, label: `已确认 ${r.acknowledged.length}` },
        ]}
        value={show}
        onChange={setShow}
        scroll
      />
      {show === 'missing' ? (
        r.missing.length === 0 ? (
          <EmptyView title="每户都确认了" />
        ) : (
          <View className="xl-group xl-acks">
            {r.missing.map((h) => (
              <Cell key={h.householdId} title={head(h.headName, h.householdCode)} />
            ))}
          </View>
        )
      ) : r.acknowledged.length === 0 ? (
        <EmptyView title="还没有人确认" />
      ) : (
        <View className="xl-group xl-acks">
          {r.acknowledged.map((h) => (
            <Cell
              key={h.householdId}
              title={head(h.headName, h.householdCode)}
              description={`${h.byName} 确认 · ${formatTime(h.at)}`}
            />
          ))}
        </View>
      )}
    </PageRoot>
  )
}
