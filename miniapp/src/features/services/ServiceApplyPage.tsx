import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { convenienceServiceRoutes, SERVICE_LIMITS } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Field, FormSection } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { ProxyConsent } from '@/features/proxy/ProxyConsent'
import { newConsent, onBehalf, proxyFor, type ConsentDraft } from '@/features/proxy/proxy'
import { asApiError } from '@/hooks/useResource'
import type { DraftPhoto } from '@/logic/photoDraft'
import { ROUTES, withQuery } from '@/routes'
import { timeLimitText } from './service'
import { useCatalogueItem } from './useCatalogueItem'
import './services.scss'

/** The request: tick the materials brought, a note, photos; for someone at the desk, their consent. */
export function ServiceApplyPage() {
  const { params } = useRouter()
  const found = useCatalogueItem(params.code)
  const villageId = found.villageId
  const [ticked, setTicked] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [sending, setSending] = useState(false)
  const person = proxyFor(params)
  const [consent, setConsent] = useState<ConsentDraft>(newConsent)
  const [consentError, setConsentError] = useState<string | undefined>(undefined)
  // one key for this form: tapping 提交 again after a lost connection still makes one request
  const key = useRef(randomKey())

  if (found.page) return found.page
  const item = found.item

  const toggle = (m: string) => setTicked((t) => (t.includes(m) ? t.filter((x) => x !== m) : [...t, m]))

  async function submit() {
    if (!item) return
    if (photos.some((p) => p.fileId === null)) {
      void Taro.showToast({ title: '照片还在上传，请稍等', icon: 'none' })
      return
    }
    const forSomeone = person ? onBehalf(person, consent) : null
    if (forSomeone && !forSomeone.ok) {
      setConsentError(forSomeone.problem)
      void Taro.showToast({ title: '还需要本人同意', icon: 'none' })
      return
    }
    setSending(true)
    try {
      const body = {
        itemCode: item.code,
        materials: ticked,
        note,
        photoIds: photos.map((p) => p.fileId!),
        ...(forSomeone?.ok ? { onBehalf: forSomeone.value } : {}),
      }
      const view = await call(
        convenienceServiceRoutes.apply,
        { params: { villageId }, body },
        { idempotencyKey: key.current, toast: false },
      )
      void Taro.showToast({ title: '已提交', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(ROUTES.serviceDetail, { id: view.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="svc">
      {person ? (
        <View className="xl-card proxy-note">
          为 {person.name} 代办：这件事会记在{person.name}名下。
        </View>
      ) : null}
      <View className="xl-card">
        <Text className="svc__title">{item.name}</Text>
        <View className="svc__meta">
          <Text>{item.office}</Text>
          <Text>{timeLimitText(item)}内办结</Text>
        </View>
      </View>
      <View className="xl-section-title">带了哪些材料（点一下勾选）</View>
      <View className="xl-card">
        {item.materials.map((m) => (
          <View
            key={m}
            className={`svc__material xl-tap${ticked.includes(m) ? ' svc__material--on' : ''}`}
            onClick={() => toggle(m)}
          >
            <Text>{ticked.includes(m) ? '✓' : '○'}</Text>
            <Text>{m}</Text>
          </View>
        ))}
        <View className="svc__meta">没带齐也可以先提交，村里收材料时会告诉您还缺什么。</View>
      </View>
      <FormSection>
        <Field label="想说的话（可不填）">
          <TextArea
            value={note}
            placeholder="例如：老人行动不便，希望上门收材料"
            maxLength={SERVICE_LIMITS.note}
            showCount
            autoSize
            onChange={setNote}
          />
        </Field>
        <Field label={`照片（可不拍，最多 ${SERVICE_LIMITS.maxPhotos} 张）`}>
          <PhotoPicker
            villageId={villageId}
            photos={photos}
            onChange={(update) => setPhotos(update)}
            max={SERVICE_LIMITS.maxPhotos}
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
      <View className="svc__actions">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </PageRoot>
  )
}
