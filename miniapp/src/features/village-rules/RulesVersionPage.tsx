import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { DELIBERATION_PAGES, villageRulesRoutes, type RulesVersionView } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { withQuery } from '@/routes'
import { RULES_PAGES, versionLabel } from './rules'
import { RulesText } from './RulesText'
import './rules.scss'

/** One version: its text and what it changed, the deliberation that carries it, filing and corrections. */
export function RulesVersionPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  // the township reads a filed version through the village's route, named in the link
  const villageId = idParam(params.villageId) ?? ctx.villageId
  const found = useResource(
    villageId !== null && id !== null
      ? () => call(villageRulesRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [villageId, id],
  )
  const [busy, setBusy] = useState(false)
  useReshow(() => void found.reload())
  const gate = meGate(ctx, '村规民约')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id === null || villageId === null)
    return (
      <PageRoot>
        <EmptyView title="没有找到这一版" description="链接不完整，请从“办事 → 村规民约”里打开。" />
      </PageRoot>
    )
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const v = found.data
  const mine = { params: { villageId, id: v.id } }

  async function act(title: string, content: string, work: () => Promise<RulesVersionView>) {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确定' })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await work()
      found.setData(() => next)
      void Taro.showToast({ title: '已办好', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
      void found.reload()
    } finally {
      setBusy(false)
    }
  }
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <PageRoot className="rules">
      <View className="xl-card">
        <View className="rules__title">{v.title}</View>
        <View className="rules__meta">{versionLabel(v)}</View>
        {v.adoptedAt && <View className="rules__meta">{v.adoptedAt.slice(0, 10)} 村民会议表决通过</View>}
        {v.status === 'in_adoption' && (
          <View className="rules__meta">
            这一版正在征求意见、交村民会议表决。征求意见期间，您可以在议事页面提出意见。
          </View>
        )}
      </View>
      <RulesText v={v} />
      {v.filing && (
        <View className="xl-card">
          <View className="xl-card__title">已报乡镇（街道）备案</View>
          <View className="rules__meta">
            {v.filing.filedAt.slice(0, 10)} 由{v.filing.filedBy}报送
          </View>
          {v.filing.corrections.map((c) => (
            <View key={c.id} className="rules__correction">
              乡镇责令改正：{c.clause}。理由：{c.reason}（{c.orderedBy}，{c.orderedAt.slice(0, 10)}）
            </View>
          ))}
        </View>
      )}
      <View className="rules__actions">
        {v.deliberationId && (
          <Button
            size="xlarge"
            block
            onClick={() => go(withQuery(DELIBERATION_PAGES.detail, { id: v.deliberationId!, villageId }))}
          >
            {v.status === 'in_adoption' ? '去提意见、看表决进度' : '看表决经过'}
          </Button>
        )}
        {v.can.edit && (
          <Button
            size="xlarge"
            block
            disabled={busy}
            onClick={() => go(withQuery(RULES_PAGES.compose, { id: v.id, villageId }))}
          >
            修改草稿
          </Button>
        )}
        {v.can.startAdoption && (
          <Button
            type="primary"
            size="xlarge"
            block
            loading={busy}
            disabled={busy}
            onClick={() =>
              void act(
                '交付表决',
                '将建立一项议事：先征求村民意见，再经提议、商议、审议，由村民会议表决。交付后这一版不能再修改。',
                () => call(villageRulesRoutes.startAdoption, mine, { toast: false }),
              )
            }
          >
            交付表决（先征求意见）
          </Button>
        )}
        {v.can.file && (
          <Button
            type="primary"
            size="xlarge"
            block
            loading={busy}
            disabled={busy}
            onClick={() =>
              void act('报乡镇备案', '把村民会议通过的这一版报乡镇（街道）备案。', () =>
                call(villageRulesRoutes.file, mine, { toast: false }),
              )
            }
          >
            报乡镇备案
          </Button>
        )}
      </View>
    </PageRoot>
  )
}
