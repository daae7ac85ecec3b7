import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { villageRulesRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { withQuery } from '@/routes'
import { RULES_PAGES, versionLabel } from './rules'
import { RulesText } from './RulesText'
import './rules.scss'

/** The resident's 村规民约: the text in force at once, then what is out for comment and the history. */
export function RulesCurrentPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null
      ? async () => {
          const overview = await call(
            villageRulesRoutes.overview,
            { params: { villageId } },
            { toast: false },
          )
          const current = overview.current.village_rules ?? overview.current.charter
          const text = current
            ? await call(
                villageRulesRoutes.detail,
                { params: { villageId, id: current.id } },
                { toast: false },
              )
            : null
          return { overview, text }
        }
      : null,
    [ctx.villageId],
  )
  usePullDownRefresh(() => void found.reload().finally(() => Taro.stopPullDownRefresh()))
  const gate = residentGate(ctx, '村规民约', {
    title: '实名认证后可以查看',
    description: '村（居）委会确认您是本村的村民后，就能在这里看村规民约、提意见。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const { overview, text } = found.data
  const open = (id: number) =>
    void Taro.navigateTo({ url: withQuery(RULES_PAGES.version, { id, villageId }) })
  return (
    <PageRoot className="rules">
      {text ? (
        <>
          <View className="xl-card">
            <View className="rules__title">{text.title}</View>
            <View className="rules__meta">
              {versionLabel(text)} · {text.adoptedAt ? `${text.adoptedAt.slice(0, 10)} 村民会议通过` : ''}
            </View>
          </View>
          <RulesText v={text} />
        </>
      ) : (
        <EmptyView
          title="本村还没有在这里公布村规民约"
          description="村规民约由村民会议制定，通过后会在这里公布全文。"
        />
      )}
      <View className="xl-section-title">全部版本（含正在征求意见的）</View>
      <View className="xl-group">
        {overview.versions.map((v) => (
          <View key={v.id} className="xl-card xl-tap" onClick={() => open(v.id)}>
            <View className="rules__title">{v.title}</View>
            <View className="rules__meta">{versionLabel(v)}</View>
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
