import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { RULES_STATUS_LABELS, villageRulesRoutes, type TownshipRulesFiling } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import { asApiError, useResource } from '@/hooks/useResource'
import { withQuery } from '@/routes'
import { RULES_PAGES } from './rules'
import './rules.scss'

/** The township's 备案: what its villages filed, and correction orders (责令改正) with their reasons. */
export function TownshipFilingsPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const found = useResource(
    ctx.townshipId !== null
      ? () => call(villageRulesRoutes.townshipFilings, { params: { townshipId } }, { toast: false })
      : null,
    [ctx.townshipId],
  )
  const [ordering, setOrdering] = useState<number | null>(null)
  const [clause, setClause] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => void found.reload().finally(() => Taro.stopPullDownRefresh()))
  const gate = townshipGate(ctx, '村规民约备案')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )

  async function order(f: TownshipRulesFiling) {
    const { confirm } = await Taro.showModal({
      title: '责令改正',
      content: `责令${f.villageName}改正《${f.title}》的“${clause}”。村里会看到理由。`,
      confirmText: '确定',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await call(
        villageRulesRoutes.townshipCorrect,
        { params: { townshipId, fid: f.id }, body: { clause, reason } },
        { toast: false },
      )
      found.setData(() => next)
      setOrdering(null)
      setClause('')
      setReason('')
      void Taro.showToast({ title: '已记录', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setBusy(false)
    }
  }

  const items = found.data.items
  return (
    <PageRoot className="rules">
      {items.length === 0 && (
        <EmptyView
          title="还没有村报来备案"
          description="村规民约和自治章程经村民会议通过后，村里会报到这里备案。"
        />
      )}
      {items.map((f) => (
        <View key={f.id} className="xl-card">
          <View className="rules__title">
            {f.villageName} · {f.title}
          </View>
          <View className="rules__meta">
            {f.kindLabel} 第 {f.number} 版 · {RULES_STATUS_LABELS[f.status]} · {f.filedAt.slice(0, 10)} 报备
          </View>
          {f.corrections.map((c) => (
            <View key={c.id} className="rules__correction">
              已责令改正：{c.clause}。理由：{c.reason}
            </View>
          ))}
          <View className="rules__actions">
            <Button
              size="xlarge"
              block
              onClick={() =>
                void Taro.navigateTo({
                  url: withQuery(RULES_PAGES.version, { id: f.versionId, villageId: f.villageId }),
                })
              }
            >
              看全文
            </Button>
            {ordering === f.id ? (
              <>
                <Field label="需要改正的条款">
                  <Input value={clause} placeholder="例如：第二条" maxLength={200} onChange={setClause} />
                </Field>
                <Field label="理由">
                  <TextArea
                    value={reason}
                    placeholder="与哪条法律法规相抵触，或侵犯了村民哪项权利"
                    maxLength={500}
                    autoSize
                    onChange={setReason}
                  />
                </Field>
                <Button
                  type="primary"
                  size="xlarge"
                  block
                  loading={busy}
                  disabled={busy}
                  onClick={() => void order(f)}
                >
                  记录责令改正
                </Button>
              </>
            ) : (
              <Button size="xlarge" block onClick={() => setOrdering(f.id)}>
                责令改正
              </Button>
            )}
          </View>
        </View>
      ))}
    </PageRoot>
  )
}
