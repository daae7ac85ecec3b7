import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { villageRulesRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { withQuery } from '@/routes'
import { RULES_PAGES, versionLabel } from './rules'
import './rules.scss'

/** The 两委's 村规民约: every version with drafts, and a new draft (an amendment when one is in force). */
export function RulesManagePage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null
      ? () => call(villageRulesRoutes.overview, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  useReshow(() => void found.reload())
  usePullDownRefresh(() => void found.reload().finally(() => Taro.stopPullDownRefresh()))
  const gate = residentGate(ctx, '村规民约')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const go = (url: string) => void Taro.navigateTo({ url })
  const o = found.data
  return (
    <PageRoot className="rules">
      <View className="rules__actions">
        <Button
          type="primary"
          size="xlarge"
          block
          onClick={() => go(withQuery(RULES_PAGES.compose, { villageId }))}
        >
          起草新的一版
        </Button>
        <View className="xl-muted">
          有现行版本时，新的一版就是修订稿，通过后会显示改了哪些地方。村规民约和自治章程要由村民会议表决通过，再报乡镇备案。
        </View>
      </View>
      {o.versions.length === 0 ? (
        <EmptyView title="还没有村规民约" description="起草后可以先征求村民意见，再交村民会议表决。" />
      ) : (
        <View className="xl-group">
          {o.versions.map((v) => (
            <View
              key={v.id}
              className="xl-card xl-tap"
              onClick={() => go(withQuery(RULES_PAGES.version, { id: v.id, villageId }))}
            >
              <View className="rules__title">{v.title}</View>
              <View className="rules__meta">
                {versionLabel(v)}
                {v.filed ? ' · 已备案' : ''}
                {v.corrections > 0 ? ` · 乡镇责令改正 ${v.corrections} 处` : ''}
              </View>
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
