import { useCallback, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  ID_NUMBER_CONSENT,
  NEWCOMER_MAX_PROOFS,
  beijingDate,
  newcomerRoutes,
  orgRoutes,
  privacyRoutes,
  type NewcomerApplicationView,
} from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call } from '@/api/request'
import { Field, FormSection } from '@/components/Form'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { ErrorView, LoadingView } from '@/components/States'
import { VillagePicker } from '@/features/verification/VillagePicker'
import '@/features/verification/VerifyPage.scss'
import { useResource } from '@/hooks/useResource'
import { submissionFor, type Submission } from '@/logic/submission'
import { DateInput } from '@/platform/DateInput'
import { fetchMe, useMe } from '@/store/session'
import { ApplicationStatus } from './ApplicationStatus'
import { emptyApplyForm, validateApplyForm, type ApplyErrors, type ApplyForm } from './applyForm'

const IN_WECHAT = process.env.TARO_ENV === 'weapp'

/**
 * 申请登记为常住居民: someone who lives in the village without being registered there applies with
 * the day they moved in and a photo of the proof of address, and follows the answer here.
 */
export function ApplyPage() {
  const session = useMe()
  const { loggedIn } = session
  const mine = useResource(loggedIn ? () => call(newcomerRoutes.mine, {}, { toast: false }) : null, [
    loggedIn,
  ])
  const villages = useResource(loggedIn ? () => call(orgRoutes.villages, {}, { toast: false }) : null, [
    loggedIn,
  ])
  const privacy = useResource(loggedIn ? () => call(privacyRoutes.status, {}, { toast: false }) : null, [
    loggedIn,
  ])
  const [form, setForm] = useState<ApplyForm>(emptyApplyForm)
  const [errors, setErrors] = useState<ApplyErrors>({})
  const [picking, setPicking] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [again, setAgain] = useState(false)
  const [idConsentGiven, setIdConsentGiven] = useState(false)
  const [consenting, setConsenting] = useState(false)
  const submission = useRef<Submission | null>(null)
  const villageId = form.villageId
  const sendProof = useCallback(
    (path: string, key: string, onProgress: (p: number) => void) =>
      call(
        newcomerRoutes.uploadProof,
        { params: { villageId: villageId ?? 0 }, file: { path } },
        { idempotencyKey: key, toast: false, onProgress },
      ),
    [villageId],
  )

  const who = meGate(session, '登记为常住居民')
  if (who) return <PageRoot>{who}</PageRoot>
  if (mine.loading && !mine.data)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    )
  if (mine.error && !mine.data)
    return (
      <PageRoot>
        <ErrorView error={mine.error} onRetry={() => void mine.reload()} />
      </PageRoot>
    )

  const latest: NewcomerApplicationView | undefined = mine.data?.[0]
  if (latest && !again && latest.state !== 'refused')
    return <ApplicationStatus view={latest} onAnother={() => setAgain(true)} />

  const set = (field: 'name' | 'idNumber' | 'phone' | 'address' | 'movedInOn') => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }))
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const villageName = villages.data?.find((v) => v.id === form.villageId)?.name
  const idConsented = idConsentGiven || privacy.data?.idNumber.needed === false

  async function agreeToIdNumber() {
    if (consenting) return
    setConsenting(true)
    try {
      await call(privacyRoutes.consent, { body: { kind: 'id_number', version: ID_NUMBER_CONSENT.version } })
      setIdConsentGiven(true)
    } catch {
      // the request layer said what went wrong; the button stays
    } finally {
      setConsenting(false)
    }
  }

  async function submit() {
    if (!idConsented) {
      setErrors((e) => ({ ...e, idNumber: '请先阅读并同意上面的说明，再填写身份证号' }))
      return
    }
    const checked = validateApplyForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    submission.current = submissionFor(submission.current, checked.value, randomKey)
    setSubmitting(true)
    try {
      await call(newcomerRoutes.apply, { body: checked.value }, { idempotencyKey: submission.current.key })
      submission.current = null
      setAgain(false)
      setForm(emptyApplyForm())
      await mine.reload()
      void fetchMe().catch(() => undefined)
    } catch {
      // the request layer has said what went wrong; the form stays filled in
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageRoot className="verify newcomer-apply">
      {latest?.state === 'refused' ? (
        <View className="xl-card verify__rejected">
          <View className="xl-card__title">上次的申请未通过</View>
          <View className="xl-card__text">
            {latest.reason ? `原因：${latest.reason}` : '请核对后重新申请。'}
          </View>
        </View>
      ) : null}
      <View className="xl-card">
        <View className="xl-card__text">
          户籍不在本村（社区）、住在这里的居民，可以申请登记为常住居民。登记后可以反映问题、查看村务公开并提出异议、参加意见征集和问卷。参加选举和表决，要在本村居住满一年，并经村民会议或村民代表会议同意（村民委员会组织法第十三条）。
        </View>
      </View>

      <FormSection className="verify__form">
        <Field label="村（社区）" error={errors.villageId}>
          <View
            className={`verify__picker xl-tap${villageName ? '' : ' verify__picker--empty'}`}
            onClick={() => {
              if (villages.data) setPicking(true)
              else void villages.reload()
            }}
          >
            {villageName ?? (villages.loading ? '正在加载…' : '点这里选择')}
          </View>
        </Field>
        <Field label="姓名" error={errors.name}>
          <Input value={form.name} placeholder="和身份证上一致" maxLength={30} onChange={set('name')} />
        </Field>
        <Field label="身份证号" error={errors.idNumber}>
          {idConsented ? (
            <Input
              value={form.idNumber}
              type={IN_WECHAT ? 'idcard' : 'text'}
              placeholder="18 位身份证号"
              maxLength={20}
              onChange={set('idNumber')}
            />
          ) : (
            <View className="verify__id-consent">
              <View className="xl-card__title">{ID_NUMBER_CONSENT.title}</View>
              <View className="xl-card__text">{ID_NUMBER_CONSENT.text}</View>
              <Button type="primary" block loading={consenting} onClick={() => void agreeToIdNumber()}>
                同意并填写身份证号
              </Button>
            </View>
          )}
        </Field>
        <Field label="手机号" error={errors.phone}>
          <Input
            value={form.phone}
            type={IN_WECHAT ? 'number' : 'tel'}
            placeholder="11 位手机号"
            maxLength={20}
            onChange={set('phone')}
          />
        </Field>
        <Field label="在本村的住址" error={errors.address}>
          <TextArea
            value={form.address}
            placeholder="例如：东街 8 号（租住）"
            maxLength={100}
            autoSize
            onChange={set('address')}
          />
        </Field>
        <Field label="搬来居住的日期" error={errors.movedInOn}>
          <DateInput
            mode="date"
            value={form.movedInOn}
            placeholder="选择搬来的日期"
            start="1950-01-01"
            end={beijingDate(new Date())}
            onChange={set('movedInOn')}
          />
        </Field>
        <Field label="住址证明（租房合同、居住证、房产证等）" error={errors.proofs}>
          {form.villageId === null ? (
            <View className="xl-muted">请先选择村（社区），再拍照上传</View>
          ) : (
            <PhotoPicker
              villageId={form.villageId}
              photos={form.proofs}
              max={NEWCOMER_MAX_PROOFS}
              send={sendProof}
              onChange={(update) => {
                setForm((f) => ({ ...f, proofs: update([...f.proofs]) }))
                setErrors((e) => ({ ...e, proofs: undefined }))
              }}
            />
          )}
        </Field>
      </FormSection>

      <View className="verify__submit">
        <Button type="primary" size="xlarge" block loading={submitting} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>

      <VillagePicker
        visible={picking}
        villages={villages.data ?? []}
        selectedId={form.villageId}
        onClose={() => setPicking(false)}
        onSelect={(v) => {
          // proofs went up under the village chosen before
          setForm((f) => ({ ...f, villageId: v.id, proofs: f.villageId === v.id ? f.proofs : [] }))
          setErrors((e) => ({ ...e, villageId: undefined }))
          setPicking(false)
        }}
      />
    </PageRoot>
  )
}
