import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { petitionRoutes, proxyRoutes, type ProxyCandidate } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Field, FormSection } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { EmptyView, ErrorView, LoadingView, Pending } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { photoProblem, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
import { ROUTES, withQuery } from '@/routes'
import { addSigner, paperSheetLine, sheetProblem } from './paperSheet'
import './petition.scss'

/**
 * 登记纸质签名表: residents who signed a petition on paper are counted from the photo of the sheet and
 * the people the clerk finds on the roster; each person counts once, however many ways they signed.
 */
export function PaperSheetPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const petition = useResource(
    ctx.villageId !== null && id !== null
      ? () => call(petitionRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.villageId, id],
  )
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [signers, setSigners] = useState<ProxyCandidate[]>([])
  const [q, setQ] = useState('')
  const [asked, setAsked] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  // one key for this sheet: tapping 登记 again after a lost connection records it once
  const key = useRef(randomKey())
  const found = useResource(
    ctx.villageId !== null && asked !== ''
      ? () => call(proxyRoutes.candidates, { params: { villageId }, query: { q: asked } }, { toast: false })
      : null,
    [ctx.villageId, asked],
  )

  const gate = committeeGate(ctx, 'actForResidents', '登记纸质签名表')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id === null)
    return (
      <PageRoot>
        <EmptyView title="没有找到这份联名" description="请从联名提议的页面进来。" />
      </PageRoot>
    )
  if (!petition.data)
    return (
      <PageRoot>
        <Pending resource={petition} />
      </PageRoot>
    )
  const p = petition.data

  async function submit() {
    const problem =
      photoProblem(photos) ??
      sheetProblem(
        uploadedIds(photos)[0] ?? null,
        signers.map((s) => s.residentId),
      )
    if (problem) {
      setError(problem)
      return
    }
    setSending(true)
    try {
      const next = await call(
        petitionRoutes.recordPaperSheet,
        {
          params: { villageId, id: p.id },
          body: { photoId: uploadedIds(photos)[0]!, residentIds: signers.map((s) => s.residentId) },
        },
        { idempotencyKey: key.current, toast: false },
      )
      const sheet = next.paperSheets.at(-1)
      await Taro.showModal({
        title: '签名表已登记',
        content: sheet ? paperSheetLine(sheet) : '已登记',
        showCancel: false,
      })
      void Taro.redirectTo({ url: withQuery(ROUTES.petitionDetail, { id: p.id, villageId }) })
    } catch (e) {
      const err = asApiError(e)
      if (!err.sessionEnded) showProblem(err.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="petition-sheet">
      <View className="xl-card">
        <View className="xl-muted">登记纸质签名表</View>
        <View className="xl-card__title">{p.title}</View>
        <View className="xl-card__text">
          拍下签名表，再从花名册找出表上签了名的每一位村民。网上已联名的人不会重复计算。
        </View>
      </View>
      <FormSection>
        <Field label="签名表照片">
          <PhotoPicker
            villageId={villageId}
            photos={photos}
            onChange={(update) => {
              setPhotos(update)
              setError(null)
            }}
            max={1}
            disabled={sending}
          />
        </Field>
        <Field label={`签了名的村民（已选 ${signers.length} 人）`}>
          {signers.map((s) => (
            <View key={s.residentId} className="petition-sheet__signer">
              <Text>
                {s.name}（{s.householdCode} 户 · {s.birthYear} 年生）
              </Text>
              <Text
                className="petition-sheet__remove xl-tap"
                onClick={() => setSigners((list) => list.filter((x) => x.residentId !== s.residentId))}
              >
                去掉
              </Text>
            </View>
          ))}
          <View className="petition-sheet__search">
            <Input
              value={q}
              placeholder="姓名，或手机号后四位"
              maxLength={30}
              onChange={setQ}
              onConfirm={() => setAsked(q.trim())}
            />
            <Button onClick={() => setAsked(q.trim())}>查找</Button>
          </View>
          {asked === '' ? null : found.loading ? (
            <LoadingView />
          ) : found.error ? (
            <ErrorView error={found.error} onRetry={() => void found.reload()} />
          ) : (found.data ?? []).length === 0 ? (
            <EmptyView title="没有找到" description="换个写法试试，或输入手机号后四位" />
          ) : (
            (found.data ?? []).map((c) => (
              <View
                key={c.residentId}
                className="xl-card xl-tap petition-sheet__candidate"
                onClick={() => {
                  setSigners((list) => addSigner(list, c))
                  setError(null)
                  setQ('')
                  setAsked('')
                }}
              >
                <Text>
                  {c.name}（{c.householdCode} 户 · {c.birthYear} 年生）
                </Text>
              </View>
            ))
          )}
        </Field>
      </FormSection>
      {error ? <View className="xl-form__error">{error}</View> : null}
      <View className="petition__submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          登记签名表
        </Button>
      </View>
    </PageRoot>
  )
}
