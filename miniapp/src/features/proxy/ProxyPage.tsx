import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  PROXY_KIND_LABELS,
  PROXY_KINDS,
  proxyRoutes,
  type ProxyCandidate,
  type ProxyKind,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { ROUTES, withQuery } from '@/routes'
import { forQuery } from './proxy'
import { ProxyNoticePicker } from './ProxyNoticePicker'
import './ProxyPage.scss'

/**
 * Where each kind of filing opens the ordinary form, filled for the chosen resident: 说事 at once, a
 * certificate or a service (办事) through its catalogue; an objection asks first which notice (ProxyNoticePicker).
 */
const FORM_OF: Record<Exclude<ProxyKind, 'objection'>, string> = {
  grievance: ROUTES.grievanceRaise,
  certificate: ROUTES.certificateCatalogue,
  service: ROUTES.serviceCatalogue,
}

/** 代办: search the roster for the resident at the desk, then choose what to file for them. */
export function ProxyPage() {
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && ctx.bench.actForResidents
  const [q, setQ] = useState('')
  const [asked, setAsked] = useState('')
  const [chosen, setChosen] = useState<ProxyCandidate | null>(null)
  const [pickingNotice, setPickingNotice] = useState(false)
  const found = useResource(
    allowed && asked !== ''
      ? () => call(proxyRoutes.candidates, { params: { villageId }, query: { q: asked } }, { toast: false })
      : null,
    [allowed, villageId, asked],
  )

  const gate = committeeGate(ctx, 'actForResidents', '代办')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const open = (kind: ProxyKind) => {
    if (!chosen) return
    if (kind === 'objection') return setPickingNotice(true)
    const query = { villageId, ...forQuery({ residentId: chosen.residentId, name: chosen.name }) }
    void Taro.navigateTo({ url: withQuery(FORM_OF[kind], query) })
  }
  const choose = (c: ProxyCandidate | null) => {
    setChosen(c)
    setPickingNotice(false)
  }

  return (
    <PageRoot className="proxy">
      <View className="xl-card proxy__help">
        为来村委会的村民代办：先找到本人，再选要办的事。提交前要本人当面同意（本人在手机上输入姓名并勾选，或拍下本人签字的授权书）。
      </View>
      <View className="proxy__search">
        <Input
          value={q}
          placeholder="姓名，或手机号后四位"
          maxLength={30}
          onChange={setQ}
          onConfirm={() => setAsked(q.trim())}
        />
        <Button type="primary" onClick={() => setAsked(q.trim())}>
          查找
        </Button>
      </View>
      {chosen ? (
        <View className="xl-card proxy__chosen">
          <Text className="proxy__name">为 {chosen.name} 代办</Text>
          <View className="xl-muted">
            {chosen.householdCode} 户 · {chosen.birthYear} 年生
            {chosen.phoneMasked ? ` · ${chosen.phoneMasked}` : ''}
          </View>
          {pickingNotice ? (
            <ProxyNoticePicker
              villageId={villageId}
              person={{ residentId: chosen.residentId, name: chosen.name }}
            />
          ) : (
            <View className="proxy__kinds">
              {PROXY_KINDS.map((k) => (
                <Button key={k} size="large" block onClick={() => open(k)}>
                  {PROXY_KIND_LABELS[k]}
                </Button>
              ))}
            </View>
          )}
          <View className="proxy__link" onClick={() => choose(null)}>
            换一个人
          </View>
        </View>
      ) : asked === '' ? null : found.loading ? (
        <LoadingView />
      ) : found.error ? (
        <ErrorView error={found.error} onRetry={() => void found.reload()} />
      ) : (found.data ?? []).length === 0 ? (
        <EmptyView title="没有找到" description="换个写法试试，或输入手机号后四位" />
      ) : (
        (found.data ?? []).map((c) => (
          <View key={c.residentId} className="xl-card proxy__candidate" onClick={() => choose(c)}>
            <Text className="proxy__name">{c.name}</Text>
            <Text className="xl-muted">
              {' '}
              {c.householdCode} 户 · {c.birthYear} 年生{c.phoneMasked ? ` · ${c.phoneMasked}` : ''}
            </Text>
          </View>
        ))
      )}
    </PageRoot>
  )
}
