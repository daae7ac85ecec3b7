import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Cell, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  certificateRoutes,
  type CatalogueItemView,
  type CatalogueSearchHit,
  type NegativeListAnswer,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { ROUTES, withQuery } from '@/routes'
import { forQuery, proxyFor } from '@/features/proxy/proxy'
import { CERTIFICATE_UNVERIFIED } from './unverified'
import './CataloguePage.scss'

/** 开证明: what the village may issue, searchable; what it may not, with where to go instead. */
export function CataloguePage() {
  const { params } = useRouter()
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const catalogue = useResource(
    ctx.villageId !== null
      ? () => call(certificateRoutes.catalogue, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const [q, setQ] = useState('')
  const [hits, setHits] = useState<CatalogueSearchHit[] | null>(null)
  const [open, setOpen] = useState<string | null>(null)

  // asks the server as the person types, a moment after they stop
  useEffect(() => {
    const text = q.trim()
    if (!text || ctx.villageId === null) {
      setHits(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      call(certificateRoutes.search, { params: { villageId }, query: { q: text } }, { toast: false }).then(
        (h) => current && setHits(h),
        () => current && setHits([]),
      )
    }, 300)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, ctx.villageId])

  const gate = residentGate(ctx, '开证明', CERTIFICATE_UNVERIFIED)
  if (gate) return <PageRoot>{gate}</PageRoot>

  // 代办: the resident the form is filled for goes on to the form
  const person = proxyFor(params)
  const apply = (item: CatalogueItemView) =>
    void Taro.navigateTo({
      url: withQuery(ROUTES.certificateApply, {
        code: item.code,
        villageId,
        ...(person ? forQuery(person) : {}),
      }),
    })

  const positive = (item: CatalogueItemView) => (
    <Cell
      key={item.code}
      title={item.name}
      description={`${item.timeLimitDays} 个工作日内办结${item.commitment.allowed ? ' · 可用承诺代替' : ''}`}
      clickable
      onClick={() => apply(item)}
    />
  )
  const negative = (a: NegativeListAnswer) => (
    <View
      key={a.code}
      className="xl-card catalogue__no xl-tap"
      onClick={() => setOpen(open === a.code ? null : a.code)}
    >
      <View className="catalogue__no-title">{a.title}</View>
      {open === a.code || hits ? <View className="catalogue__no-answer">{a.answer}</View> : null}
    </View>
  )

  let body
  if (catalogue.loading) body = <LoadingView />
  else if (catalogue.error || !catalogue.data)
    body = <ErrorView error={catalogue.error} onRetry={() => void catalogue.reload()} />
  else if (hits)
    body =
      hits.length === 0 ? (
        <EmptyView
          title="没有找到这项证明"
          description="换个说法试试，或者直接问村委会。不在清单里的证明，村里不能开。"
        />
      ) : (
        <>
          {hits.some((h) => h.kind === 'positive') ? (
            <>
              <View className="xl-section-title">村里能开</View>
              <View className="xl-group">
                {hits.flatMap((h) => (h.kind === 'positive' ? [positive(h.item)] : []))}
              </View>
            </>
          ) : null}
          {hits.some((h) => h.kind === 'negative') ? (
            <>
              <View className="xl-section-title">村里不能开，请这样办</View>
              {hits.flatMap((h) => (h.kind === 'negative' ? [negative(h.answer)] : []))}
            </>
          ) : null}
        </>
      )
  else
    body = (
      <>
        <View className="xl-section-title">村里能开的证明</View>
        <View className="xl-group">{catalogue.data.positive.map(positive)}</View>
        <View className="xl-section-title">这些证明村里不能开（点开看怎么办）</View>
        {catalogue.data.negative.map(negative)}
      </>
    )

  return (
    <PageRoot className="catalogue">
      {person ? <View className="xl-card proxy-note">为 {person.name} 代办：选要开的证明。</View> : null}
      <View className="xl-card catalogue__search">
        <Input
          value={q}
          placeholder="要开什么证明？例如：居住证明"
          maxLength={50}
          clearable
          onChange={setQ}
        />
      </View>
      {body}
    </PageRoot>
  )
}
