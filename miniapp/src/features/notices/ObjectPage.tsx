import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { noticeRoutes, objectionCreateSchema } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { ComposeForm } from '@/features/grievances/ComposeForm'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { useSubscribe } from '@/hooks/useSubscribe'
import { idParam } from '@/logic/links'
import { periodStatus } from './noticePeriod'
import { ROUTES, withQuery } from '@/routes'
import { ProxyConsent } from '@/features/proxy/ProxyConsent'
import { newConsent, onBehalf, proxyFor, type ConsentDraft } from '@/features/proxy/proxy'

/**
 * 提出异议: words and photos about a notice, while its publicity period is open. The photos go up one
 * by one as in 村民说事; the committee has to answer within the village's time limit.
 */
export function ObjectPage() {
  const askSubscribe = useSubscribe('objection')
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId
  // 代办: the objection is the resident's, made with their consent
  const person = proxyFor(params)
  const [consent, setConsent] = useState<ConsentDraft>(newConsent)
  const [consentError, setConsentError] = useState<string | undefined>(undefined)
  const notice = useResource(
    ctx.me && villageId !== null && id !== null
      ? () => call(noticeRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.me?.accountId, villageId, id],
  )

  const gate = residentGate(ctx, '提出异议')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (notice.loading && !notice.data) return <PageRoot>{<LoadingView />}</PageRoot>
  if (!notice.data || villageId === null)
    return (
      <PageRoot>
        <ErrorView error={notice.error} onRetry={() => void notice.reload()} />
      </PageRoot>
    )
  const n = notice.data
  if (!n.objectionsOpen)
    return (
      <PageRoot>
        <EmptyView
          title="现在不能提异议了"
          description="异议要在公示期内提出。公示期已过，如有问题可以到村（居）委会当面反映，或向乡镇（街道）反映。"
        />
      </PageRoot>
    )
  const period =
    n.periodStart && n.periodEnd ? periodStatus({ start: n.periodStart, end: n.periodEnd }) : null

  return (
    <PageRoot className="notice-object">
      {person ? (
        <View className="xl-card proxy-note">
          为 {person.name} 代办：这条异议会记在{person.name}名下。
        </View>
      ) : null}
      <View className="xl-card">
        <View className="xl-muted">对这条公开提出异议</View>
        <View className="xl-card__title">{n.title}</View>
        {period ? <View className="xl-card__text">{period.text}</View> : null}
      </View>
      {person ? (
        <ProxyConsent
          villageId={villageId}
          person={person}
          value={consent}
          onChange={(next) => {
            setConsent(next)
            setConsentError(undefined)
          }}
          error={consentError}
        />
      ) : null}
      <ComposeForm
        title="您的异议"
        placeholder="写清楚哪一项有问题、您了解的情况，例如：村道修缮这笔支出的金额和实际用工对不上"
        submitText="提交异议"
        villageId={villageId}
        schema={objectionCreateSchema}
        maxLength={1000}
        onSubmit={async (body, key) => {
          const forSomeone = person ? onBehalf(person, consent) : null
          if (forSomeone && !forSomeone.ok) {
            setConsentError(forSomeone.problem)
            void Taro.showToast({ title: '还需要本人同意', icon: 'none' })
            // the form keeps what was written
            throw new Error(forSomeone.problem)
          }
          // called within the tap, before anything is awaited: WeChat asks about messages only then
          await askSubscribe()
          const sent = forSomeone?.ok ? { ...body, onBehalf: forSomeone.value } : body
          await call(
            noticeRoutes.object,
            { params: { villageId, id: n.id }, body: sent },
            { idempotencyKey: key },
          )
          void Taro.showToast({ title: '异议已提交', icon: 'success' })
          // back to the notice (which shows the objection when it shows again), or to it from a link
          if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
          else void Taro.redirectTo({ url: withQuery(ROUTES.noticeDetail, { id: n.id, villageId }) })
        }}
      />
      <View className="xl-card xl-muted">
        村委会会在规定时间内答复，答复后您会收到通知。对答复不满意，可以反映到乡镇（街道）。
      </View>
    </PageRoot>
  )
}
