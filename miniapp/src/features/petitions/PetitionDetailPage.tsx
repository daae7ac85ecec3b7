import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { DELIBERATION_PAGES, petitionRoutes, type PetitionView } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { useVillageRecord } from '@/hooks/useVillageRecord'
import { asApiError } from '@/hooks/useResource'
import { petitionActions, signConfirmText } from './petition'
import { PaperSheets } from './PaperSheets'
import { PetitionConvene } from './PetitionConvene'
import { PetitionHead } from './PetitionHead'
import { PetitionProgress } from './PetitionProgress'
import { withQuery } from '@/routes'
import { useSubscribe } from '@/hooks/useSubscribe'
import './petition.scss'

/** One petition: what it asks, how many signed against the legal threshold, my signature, and what the committee did. */
export function PetitionDetailPage() {
  const askSubscribe = useSubscribe('petition')
  const opened = useVillageRecord(
    (villageId, id) => call(petitionRoutes.detail, { params: { villageId, id } }, { toast: false }),
    {
      feature: '联名提议',
      unverified: {
        title: '实名认证后才能联名',
        description: '村（居）委会确认您是本村（社区）的村（居）民后，就能参加联名提议。',
      },
      missing: { title: '没有找到这份联名', description: '链接不完整，请从“办事 → 联名提议”里打开。' },
    },
  )
  const [busy, setBusy] = useState(false)
  if (opened.view) return opened.view
  const { ctx, villageId, record: p, resource: found } = opened
  const can = petitionActions(p)
  const mine = { params: { villageId, id: p.id } }
  const deliberationUrl = p.deliberationId
    ? withQuery(DELIBERATION_PAGES.detail, { id: p.deliberationId, villageId })
    : null

  async function act(title: string, content: string, confirmText: string, work: () => Promise<PetitionView>) {
    const { confirm } = await Taro.showModal({ title, content, confirmText })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await work()
      found.setData(() => next)
      void Taro.showToast({ title: '已办好', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (error.sessionEnded) return
      showProblem(error.message)
      // someone else may have changed it meanwhile (signed it over the threshold, convened it)
      void found.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className="petition">
      <View className="xl-card">
        <PetitionHead p={p} />
        <View className="petition__text">{p.text}</View>
      </View>
      <PetitionProgress p={p} />

      <View className="xl-card">
        <View className="xl-card__title">我的联名</View>
        <View className="xl-card__text petition__mine">{can.myStatus}</View>
        <View className="xl-actions">
          {can.sign ? (
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={busy}
              onClick={() =>
                // asked first, in the tap itself (WeChat asks about messages only then), then confirmed
                void askSubscribe().then(() =>
                  act('我要联名', signConfirmText(p), '联名', () =>
                    call(petitionRoutes.sign, mine, { toast: false }),
                  ),
                )
              }
            >
              我要联名
            </Button>
          ) : null}
          {can.withdraw ? (
            <Button
              size="large"
              disabled={busy}
              onClick={() =>
                void act('撤回联名', '撤回后大家不能再签名，这份联名就结束了。确定撤回吗？', '撤回', () =>
                  call(petitionRoutes.withdraw, mine, { toast: false }),
                )
              }
            >
              撤回联名
            </Button>
          ) : null}
          {deliberationUrl ? (
            <Button
              type="primary"
              size="large"
              onClick={() => void Taro.navigateTo({ url: deliberationUrl })}
            >
              查看议事
            </Button>
          ) : null}
        </View>
      </View>

      <PaperSheets p={p} villageId={villageId} />

      {can.convene ? (
        <PetitionConvene
          petition={p}
          villageId={villageId}
          procedure={ctx.membership?.orgKind === 'community' ? '一征三议两公开' : '四议两公开'}
          onDone={(next) => {
            found.setData(() => next)
          }}
        />
      ) : null}
    </PageRoot>
  )
}
