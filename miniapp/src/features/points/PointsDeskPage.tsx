import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { manualAwardSchema, POINTS_LIMITS, pointsRoutes, type PointsHouseholdPick } from '@xiangli/shared'
import { call } from '@/api/request'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { pointsCommitteeGate, useCommitteeVillage } from './committee'
import { Ledger } from './Ledger'
import * as P from './points'
import './points.scss'

/**
 * The desk (窗口): find a household on the roster by a person's name or its 户号, see its points, give
 * a manual award with a reason, and record a redemption at the points shop.
 */
export function PointsDeskPage() {
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const [q, setQ] = useState('')
  const [picks, setPicks] = useState<PointsHouseholdPick[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [householdId, setHouseholdId] = useState<number | null>(null)
  const household = useResource(
    householdId !== null
      ? () => call(pointsRoutes.household, { params: { villageId, householdId } }, { toast: false })
      : null,
    [villageId, householdId],
  )
  const shop = useResource(
    ctx.villageId !== null
      ? () => call(pointsRoutes.shop, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const [award, setAward] = useState({ points: '', reason: '' })
  const [awardError, setAwardError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const gate = pointsCommitteeGate(ctx, '积分管理')
  if (gate) return <PageRoot>{gate}</PageRoot>

  async function search() {
    if (!q.trim()) return void Taro.showToast({ title: '请输入姓名或户号', icon: 'none' })
    setSearching(true)
    try {
      setPicks(await call(pointsRoutes.findHouseholds, { params: { villageId }, query: { q } }))
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSearching(false)
    }
  }

  async function act(work: () => Promise<unknown>, done: string) {
    setBusy(true)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      await Promise.all([household.reload(), shop.reload()])
      return true
    } catch {
      // the request layer has said what went wrong
      return false
    } finally {
      setBusy(false)
    }
  }

  async function giveAward(id: number) {
    const parsed = manualAwardSchema.safeParse({
      householdId: id,
      points: /^\d+$/.test(award.points.trim()) ? Number(award.points) : Number.NaN,
      reason: award.reason,
    })
    if (!parsed.success) return setAwardError(parsed.error.issues[0]?.message ?? '请检查分数和理由')
    if (await act(() => call(pointsRoutes.award, { params: { villageId }, body: parsed.data }), '已奖励'))
      setAward({ points: '', reason: '' })
  }

  async function redeem(id: number, itemId: number, name: string) {
    const ok = await Taro.showModal({
      title: '登记兑换',
      content: `给这一户兑换「${name}」？`,
      confirmText: '兑换',
    })
    if (ok.confirm)
      await act(
        () => call(pointsRoutes.redeem, { params: { villageId }, body: { householdId: id, itemId } }),
        '已兑换',
      )
  }

  let chosen = null
  if (householdId !== null) {
    if (household.loading && !household.data) chosen = <LoadingView />
    else if (!household.data)
      chosen = <ErrorView error={household.error} onRetry={() => void household.reload()} />
    else {
      const h = household.data
      const items = (shop.data ?? []).filter((i) => i.active)
      chosen = (
        <>
          <View className="xl-card points__balance">
            <Text className="points__balance-label">
              户号 {h.code}
              {h.headName ? `，户主 ${h.headName}` : ''} 现有积分
            </Text>
            <Text className="points__balance-value">{h.balance}</Text>
          </View>
          <View className="xl-card">
            <View className="xl-card__title">登记兑换</View>
            {items.length === 0 ? <View className="points__meta">积分超市还没有物品</View> : null}
            {items.map((i) => (
              <View key={i.id} className="points__shelf-item">
                <View className="points__rule-head">
                  <Text className="points__item-name">{i.name}</Text>
                  <Text className="points__rule-points">{i.cost} 分</Text>
                </View>
                <View className="points__row-actions">
                  <Text className="points__meta">库存 {i.stock} 件</Text>
                  <Button
                    size="large"
                    type="primary"
                    disabled={busy || !P.affordable(h.balance, i)}
                    onClick={() => void redeem(h.householdId, i.id, i.name)}
                  >
                    {i.stock === 0 ? '没货了' : i.cost > h.balance ? '积分不够' : `兑换${i.name}`}
                  </Button>
                </View>
              </View>
            ))}
          </View>
          <View className="xl-card">
            <View className="xl-card__title">奖励积分</View>
            <Field label="分数" error={awardError}>
              <Input
                type="digit"
                value={award.points}
                placeholder="不超过规则公布的上限"
                onChange={(v) => {
                  setAward({ ...award, points: v })
                  setAwardError(undefined)
                }}
              />
            </Field>
            <Field label="理由（必填，会记在这户的积分记录里）">
              <TextArea
                value={award.reason}
                placeholder="例如：义务修补村道"
                maxLength={POINTS_LIMITS.reason}
                autoSize
                onChange={(v) => {
                  setAward({ ...award, reason: v })
                  setAwardError(undefined)
                }}
              />
            </Field>
            <View className="points__actions">
              <Button
                type="primary"
                size="large"
                block
                disabled={busy}
                onClick={() => void giveAward(h.householdId)}
              >
                奖励积分
              </Button>
            </View>
          </View>
          <Ledger entries={h.entries} empty="这一户还没有积分记录。" />
        </>
      )
    }
  }

  return (
    <PageRoot className="points">
      <View className="points__actions">
        <Button
          size="large"
          block
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: P.pointsPage('manage', villageId) })}
        >
          积分规则、排行和积分超市
        </Button>
      </View>
      <View className="xl-card">
        <View className="xl-card__title">选择一户</View>
        <Field label="姓名或户号">
          <Input
            value={q}
            placeholder="输入家里任何一个人的姓名，或户号"
            onChange={setQ}
            onConfirm={() => void search()}
          />
        </Field>
        <Button size="large" block loading={searching} disabled={searching} onClick={() => void search()}>
          查找
        </Button>
        {picks !== null && picks.length === 0 ? (
          <EmptyView title="花名册上没有找到" description="换个名字或户号试试。" />
        ) : null}
        {(picks ?? []).map((p) => (
          <View
            key={p.householdId}
            className={`points__pick xl-tap${p.householdId === householdId ? ' points__pick--on' : ''}`}
            onClick={() => setHouseholdId(p.householdId)}
          >
            <Text>
              户号 {p.code} · 户主 {p.headName ?? '未登记'}
              {p.matchedName && p.matchedName !== p.headName ? `（${p.matchedName}）` : ''}
            </Text>
            <Text className="points__rule-points">{p.balance} 分</Text>
          </View>
        ))}
      </View>
      {chosen}
    </PageRoot>
  )
}
