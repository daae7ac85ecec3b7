import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  DEFAULT_POINTS_RULES,
  POINTS_KIND_LABELS,
  POINTS_RULE_EXPLAINED,
  POINTS_RULE_KINDS,
  pointsRoutes,
  type PointsRuleKind,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { pointsCommitteeGate, useCommitteeVillage } from './committee'
import { ShopShelf } from './ShopShelf'
import * as P from './points'
import './points.scss'

const RANKING = [
  { value: 'off', label: '不公开排行' },
  { value: 'on', label: '公开排行' },
] as const

/** The 两委 set and publish the rules, decide whether the ranking is public, and keep the shop's shelf. */
export function PointsManagePage() {
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const overview = useResource(
    ctx.villageId !== null
      ? () => call(pointsRoutes.overview, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const [form, setForm] = useState<P.RulesForm>(() => P.rulesForm(DEFAULT_POINTS_RULES))
  const [errors, setErrors] = useState<Partial<Record<PointsRuleKind, string>>>({})
  const [busy, setBusy] = useState(false)
  const current = overview.data?.rules?.points ?? null
  useEffect(() => {
    if (current) setForm(P.rulesForm(current))
    // the form starts from the published rules once they are loaded
  }, [overview.data?.rules?.version])

  const gate = pointsCommitteeGate(ctx, '积分管理')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!overview.data)
    return (
      <PageRoot>
        {overview.error ? (
          <ErrorView error={overview.error} onRetry={() => void overview.reload()} />
        ) : (
          <LoadingView />
        )}
      </PageRoot>
    )
  const o = overview.data

  async function publish() {
    const checked = P.checkRulesForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    const ok = await Taro.showModal({
      title: '公布积分规则',
      content: '公布后，从现在起记分按新规则；以前记的分不变。',
      confirmText: '公布',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await call(pointsRoutes.publishRules, { params: { villageId }, body: { points: checked.value } })
      void Taro.showToast({ title: '已公布', icon: 'success' })
      await overview.reload()
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  async function setRanking(on: boolean) {
    if (on === o.rankingPublic) return
    try {
      await call(pointsRoutes.updateSettings, { params: { villageId }, body: { rankingPublic: on } })
      void Taro.showToast({ title: on ? '已公开排行' : '已关闭排行', icon: 'success' })
      await overview.reload()
    } catch {
      // the request layer has said what went wrong
    }
  }

  return (
    <PageRoot className="points">
      <View className="xl-card">
        <View className="xl-card__title">积分规则</View>
        <View className="points__meta">
          {o.rules
            ? `现行第 ${o.rules.version} 版，${o.rules.publishedOn} 由 ${o.rules.publishedByName} 公布`
            : '还没有公布，公布后才开始记分'}
        </View>
        {POINTS_RULE_KINDS.map((k) => (
          <Field key={k} label={`${POINTS_KIND_LABELS[k]}（分）`} error={errors[k]}>
            <Input
              type="digit"
              value={form[k]}
              placeholder="0 到 100"
              onChange={(v) => {
                setForm({ ...form, [k]: v })
                setErrors({})
              }}
            />
            <View className="points__meta">{POINTS_RULE_EXPLAINED[k]}</View>
          </Field>
        ))}
        <View className="points__actions">
          <Button
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || !P.rulesChanged(form, current)}
            onClick={() => void publish()}
          >
            {o.rules ? `公布第 ${o.rules.version + 1} 版规则` : '公布积分规则'}
          </Button>
        </View>
      </View>
      <View className="xl-card">
        <View className="xl-card__title">积分排行</View>
        <Text className="points__meta">公开后，村民能看到按户排的积分名次（户主姓名打码）。</Text>
        <Chips
          options={RANKING}
          value={o.rankingPublic ? 'on' : 'off'}
          onChange={(v) => void setRanking(v === 'on')}
        />
      </View>
      <ShopShelf villageId={villageId} />
    </PageRoot>
  )
}
