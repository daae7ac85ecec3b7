import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { MAX_CERTIFICATE_MATERIALS, certificateRoutes } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { useSubscribe } from '@/hooks/useSubscribe'
import {
  commitmentPreview,
  emptyCertificateDraft,
  validateCertificateDraft,
  type CertificateDraft,
  type CertificateDraftErrors,
} from './certificate'
import type { DraftPhoto } from '@/logic/photoDraft'
import { ROUTES, withQuery } from '@/routes'
import { Field, FormSection } from '@/components/Form'
import { FieldsForm } from './FieldsForm'
import { CERTIFICATE_UNVERIFIED } from './unverified'
import { ProxyConsent } from '@/features/proxy/ProxyConsent'
import { newConsent, onBehalf, proxyFor, type ConsentDraft } from '@/features/proxy/proxy'

/** One item: why the village may issue it, what to bring, and its form. */
export function ApplyPage() {
  const askSubscribe = useSubscribe('certificate')
  const { params } = useRouter()
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const catalogue = useResource(
    ctx.villageId !== null
      ? () => call(certificateRoutes.catalogue, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const [draft, setDraft] = useState<CertificateDraft>(emptyCertificateDraft)
  const [errors, setErrors] = useState<CertificateDraftErrors>({})
  const [sending, setSending] = useState(false)
  // 代办: the same form, filled for the resident chosen in the 代办 page, with their consent
  const person = proxyFor(params)
  const [consent, setConsent] = useState<ConsentDraft>(newConsent)
  const [consentError, setConsentError] = useState<string | undefined>(undefined)
  // one key for this form: tapping 提交 again after a lost connection still makes one request
  const key = useRef(randomKey())

  const gate = residentGate(ctx, '开证明', CERTIFICATE_UNVERIFIED)
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (catalogue.loading)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    )
  if (catalogue.error || !catalogue.data)
    return (
      <PageRoot>
        <ErrorView error={catalogue.error} onRetry={() => void catalogue.reload()} />
      </PageRoot>
    )
  const item = catalogue.data.positive.find((i) => i.code === params.code)
  if (!item)
    return (
      <PageRoot>
        <EmptyView title="本村（社区）不开这项证明" description="请回到证明清单重新选择。" />
      </PageRoot>
    )

  const edit = (k: string, v: string) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, [k]: v } }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }
  const setMaterials = (update: (photos: DraftPhoto[]) => DraftPhoto[]) => {
    setDraft((d) => ({ ...d, materials: update(d.materials) }))
    setErrors((e) => ({ ...e, materials: undefined }))
  }

  async function submit() {
    if (!item) return
    const checked = validateCertificateDraft(item, draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    const forSomeone = person ? onBehalf(person, consent) : null
    if (forSomeone && !forSomeone.ok) {
      setConsentError(forSomeone.problem)
      void Taro.showToast({ title: '还需要本人同意', icon: 'none' })
      return
    }
    // first in the tap: WeChat asks about messages only then
    await askSubscribe()
    setSending(true)
    try {
      const body = forSomeone?.ok ? { ...checked.value, onBehalf: forSomeone.value } : checked.value
      const view = await call(
        certificateRoutes.apply,
        { params: { villageId }, body },
        { idempotencyKey: key.current, toast: false },
      )
      void Taro.showToast({ title: '已提交', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(ROUTES.certificateDetail, { id: view.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (error.code === 'IDEMPOTENCY_KEY_REUSED') {
        const { confirm } = await Taro.showModal({
          title: '这份申请已经交上去了',
          content: '上次提交时网络断了，其实已经交到村里。请在“我的证明”里查看。',
          confirmText: '去看看',
          cancelText: '留在这里',
        })
        if (confirm) void Taro.redirectTo({ url: withQuery(ROUTES.certificateMine, { villageId }) })
      } else if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="cert-form">
      {person ? (
        <View className="xl-card proxy-note">
          为 {person.name} 代办：这份申请会记在{person.name}名下。
        </View>
      ) : null}
      <View className="xl-card">
        <View className="xl-card__title">{item.name}</View>
        <View className="cert-form__facts xl-muted">
          <View>依据：{item.legalBasis}</View>
          <View>用于：{item.purpose}</View>
          <View>办理时限：{item.timeLimitDays} 个工作日</View>
        </View>
      </View>
      <View className="xl-section-title">要准备的材料</View>
      <View className="xl-card cert-form__facts">
        {item.materials.map((m, i) => (
          <View key={m}>
            {i + 1}. {m}
          </View>
        ))}
      </View>
      {item.commitment.allowed ? (
        <View className="xl-card cert-form__facts">
          这项证明可以用“告知承诺”代替：到办事的地方签一份承诺书，就不用来村里开证明了。承诺书的内容：
          {'\n'}
          {commitmentPreview(item.commitment.text, item.fields)}
        </View>
      ) : null}
      <View className="xl-section-title">填写申请</View>
      <FormSection>
        <FieldsForm fields={item.fields} values={draft.fields} errors={errors} onChange={edit} />
        <Field label="用途" error={errors.purpose}>
          <TextArea
            value={draft.purpose}
            placeholder="开这个证明做什么用，例如：孩子上小学报名"
            maxLength={100}
            showCount
            autoSize
            onChange={(v) => {
              setDraft((d) => ({ ...d, purpose: v }))
              setErrors((e) => ({ ...e, purpose: undefined }))
            }}
          />
        </Field>
        <Field label={`材料照片（最多 ${MAX_CERTIFICATE_MATERIALS} 张）`} error={errors.materials}>
          <PhotoPicker
            villageId={villageId}
            photos={draft.materials}
            onChange={setMaterials}
            max={MAX_CERTIFICATE_MATERIALS}
            disabled={sending}
          />
        </Field>
      </FormSection>
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
          disabled={sending}
        />
      ) : null}
      <View className="cert-form__submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </PageRoot>
  )
}
