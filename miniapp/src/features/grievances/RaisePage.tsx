import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  DEFAULT_SENSITIVE_CATEGORIES,
  GRIEVANCE_VISIBILITIES,
  GRIEVANCE_VISIBILITY_LABELS,
  MAX_GRIEVANCE_PHOTOS,
  defaultVisibility,
  grievanceRoutes,
  type GrievanceVisibility,
} from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { asApiError, useResource } from '@/hooks/useResource'
import { useSubscribe } from '@/hooks/useSubscribe'
import {
  draftStorageKey,
  isBlankDraft,
  newDraft,
  restoreDraft,
  validateDraft,
  type DraftErrors,
  type GrievanceDraft,
} from './grievanceDraft'
import { type DraftPhoto } from '@/logic/photoDraft'
import { pickLocation } from '@/platform/location'
import { PlatformProblem } from '@/platform/problem'
import { ROUTES, withQuery } from '@/routes'
import { readStored, writeStored } from '@/store/storage'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import './RaisePage.scss'
import { Field, FormSection } from '@/components/Form'
import { ProxyConsent } from '@/features/proxy/ProxyConsent'
import { newConsent, onBehalf, proxyFor, type ConsentDraft } from '@/features/proxy/proxy'

const IN_WECHAT = process.env.TARO_ENV === 'weapp'
const IN_BROWSER = process.env.TARO_ENV === 'h5'

const VISIBILITY_HELP: Record<GrievanceVisibility, string> = {
  public: '全村都能在说事墙上看到，您的名字会隐去一个字（如 王*英），遇到同样问题的人可以 +1。',
  committee:
    '只有村（居）委会能看到，适合邻里纠纷、家里的事等不便公开的情况。邻里纠纷默认如此，您也可以改成公开。',
}

export function RaisePage() {
  const askSubscribe = useSubscribe('grievance')
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  // 代办: the same form, filled for the resident chosen in the 代办 page
  const { params } = useRouter()
  const person = proxyFor(params)
  const [consent, setConsent] = useState<ConsentDraft>(newConsent)
  const [consentError, setConsentError] = useState<string | undefined>(undefined)
  const storageKey =
    ctx.villageId !== null && ctx.me
      ? draftStorageKey(ctx.me.accountId, ctx.villageId) + (person ? `:for:${person.residentId}` : '')
      : null
  const categories = useResource(
    ctx.villageId !== null
      ? () => call(grievanceRoutes.categories, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  // 邻里纠纷 and the categories the village marks start as 仅村委会可见; the raiser may still choose
  const sensitive = useResource(
    ctx.villageId !== null
      ? () => call(grievanceRoutes.sensitiveCategories, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const visibilityChosen = useRef(false)
  const [draft, setDraft] = useState<GrievanceDraft | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [errors, setErrors] = useState<DraftErrors>({})
  const [sending, setSending] = useState(false)
  const written = useRef<string | null>(null)

  // the draft of this person for this village, as it was left
  useEffect(() => {
    if (!storageKey) return
    const restored = restoreDraft(readStored(storageKey), { browser: IN_BROWSER, newKey: randomKey })
    if (restored && !isBlankDraft(restored.draft)) {
      setDraft(restored.draft)
      setNote(
        restored.lostPhotos > 0
          ? `上次没发出去的内容还在。有 ${restored.lostPhotos} 张照片没传完，请重新加一下。`
          : '上次没发出去的内容还在，接着写就行。',
      )
    } else setDraft(newDraft(randomKey))
    written.current = null
  }, [storageKey])

  // kept on the phone at every change, so a lost connection or a closed app loses nothing
  useEffect(() => {
    if (!storageKey || !draft) return
    const value = isBlankDraft(draft)
      ? null
      : { ...draft, photos: draft.photos.map((p) => ({ ...p, progress: 0 })) }
    const json = JSON.stringify(value)
    if (json === written.current) return
    written.current = json
    writeStored(storageKey, value)
  }, [storageKey, draft])

  const gate = residentGate(ctx, '说事')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!draft) return <PageRoot />

  const edit = <K extends keyof GrievanceDraft>(field: K, value: GrievanceDraft[K]) => {
    setDraft((d) => (d ? { ...d, [field]: value } : d))
    if (field in errors) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const setPhotos = (update: (photos: DraftPhoto[]) => DraftPhoto[]) => {
    setDraft((d) => (d ? { ...d, photos: update(d.photos) } : d))
    setErrors((e) => (e.photos ? { ...e, photos: undefined } : e))
  }

  async function pickPlace() {
    try {
      const place = await pickLocation()
      // closed the map without choosing: nothing changes
      if (place) edit('location', place)
    } catch (e) {
      // no permission, or no map: the address can still be typed
      if (e instanceof PlatformProblem) showProblem(e.message)
    }
  }

  function clearDraft() {
    if (storageKey) writeStored(storageKey, null)
    written.current = 'null'
    setDraft(newDraft(randomKey))
    setErrors({})
    setNote(null)
  }

  async function startOver() {
    const { confirm } = await Taro.showModal({
      title: '清空重写',
      content: '写好的内容和照片都会清掉，确定吗？',
      confirmText: '清空',
    })
    if (confirm) clearDraft()
  }

  async function submit() {
    if (!draft) return
    const checked = validateDraft(draft, categories.data ?? [])
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
      // the draft's own key: sent again after a lost connection, the server makes one issue
      const view = await call(
        grievanceRoutes.raise,
        {
          params: { villageId },
          body: forSomeone?.ok ? { ...checked.value, onBehalf: forSomeone.value } : checked.value,
        },
        { idempotencyKey: draft.key, toast: false },
      )
      clearDraft()
      void Taro.showToast({ title: '已提交', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(ROUTES.grievanceDetail, { id: view.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (error.code === 'IDEMPOTENCY_KEY_REUSED') {
        // an earlier try of this draft did arrive, before it was changed
        const { confirm } = await Taro.showModal({
          title: '这件事已经交上去了',
          content: '上次提交时网络断了，其实已经交到村里。请在“我的说事”里查看，要补充的可以在那里留言。',
          confirmText: '去看看',
          cancelText: '留在这里',
        })
        if (confirm) {
          clearDraft()
          void Taro.redirectTo({ url: withQuery(ROUTES.grievanceMine, { villageId }) })
        }
      } else if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  const point = draft.location.lat !== undefined
  return (
    <PageRoot className="raise">
      {person ? (
        <View className="xl-card raise__note">
          为 {person.name} 代办：这件事会记在{person.name}名下。
        </View>
      ) : null}
      {note ? <View className="xl-card raise__note">{note}</View> : null}

      <FormSection>
        <Field label="分类" error={errors.category}>
          {categories.data ? (
            <Chips
              options={categories.data.map((c) => ({ value: c, label: c }))}
              value={draft.category}
              onChange={(c) => {
                edit('category', c)
                if (!visibilityChosen.current)
                  edit('visibility', defaultVisibility(c, sensitive.data ?? DEFAULT_SENSITIVE_CATEGORIES))
              }}
            />
          ) : (
            <View className="raise__link xl-tap xl-tap--line" onClick={() => void categories.reload()}>
              {categories.error ? `${categories.error.message}，点这里重试` : '正在加载分类…'}
            </View>
          )}
        </Field>
        <Field label="标题" error={errors.title}>
          <Input
            value={draft.title}
            placeholder="一句话说清楚，例如：三组路灯不亮了"
            maxLength={40}
            onChange={(v) => edit('title', v)}
          />
        </Field>
        <Field label="具体情况" error={errors.text}>
          <TextArea
            value={draft.text}
            placeholder="在哪里、什么时候开始的、有什么影响，说得越清楚越好办"
            maxLength={1000}
            showCount
            autoSize
            onChange={(v) => edit('text', v)}
          />
        </Field>
        <Field label={`照片（可不加，最多 ${MAX_GRIEVANCE_PHOTOS} 张）`} error={errors.photos}>
          <PhotoPicker villageId={villageId} photos={draft.photos} onChange={setPhotos} disabled={sending} />
        </Field>
        <Field label="位置（可不填）" error={errors.location}>
          {IN_WECHAT ? (
            <View className="raise__link xl-tap xl-tap--line" onClick={() => void pickPlace()}>
              {point ? '在地图上重新选' : '在地图上选位置'}
            </View>
          ) : null}
          <Input
            value={draft.location.address}
            placeholder="例如：三组 5 号门口"
            maxLength={100}
            onChange={(v) => edit('location', { ...draft.location, address: v })}
          />
          {point ? (
            <View
              className="raise__link xl-tap xl-tap--line"
              onClick={() => edit('location', { address: '' })}
            >
              清除位置
            </View>
          ) : null}
        </Field>
        <Field label="谁能看到">
          <Chips
            options={GRIEVANCE_VISIBILITIES.map((v) => ({ value: v, label: GRIEVANCE_VISIBILITY_LABELS[v] }))}
            value={draft.visibility}
            onChange={(v) => {
              visibilityChosen.current = true
              edit('visibility', v)
            }}
          />
          <View className="xl-muted raise__help">{VISIBILITY_HELP[draft.visibility]}</View>
        </Field>
      </FormSection>

      {person ? (
        <ProxyConsent
          villageId={villageId}
          person={person}
          value={consent}
          onChange={(c) => {
            setConsent(c)
            setConsentError(undefined)
          }}
          error={consentError}
          disabled={sending}
        />
      ) : null}

      <View className="raise__submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          提交
        </Button>
        <View className="xl-muted raise__saved">
          写的内容会自动存在这台手机上，断了网也不会丢，发出去以后才清掉。
        </View>
        {!isBlankDraft(draft) ? (
          <View
            className="raise__link raise__start-over xl-tap xl-tap--line"
            onClick={() => void startOver()}
          >
            清空重写
          </View>
        ) : null}
      </View>
    </PageRoot>
  )
}
