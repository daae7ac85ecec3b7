import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  ID_NUMBER_CONSENT,
  VERIFICATION_STATE_LABELS,
  orgRoutes,
  privacyRoutes,
  verificationRoutes,
  type VerificationView,
} from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call } from '@/api/request'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { VillagePicker } from './VillagePicker'
import { useResource } from '@/hooks/useResource'
import { useSubscribe } from '@/hooks/useSubscribe'
import { formatTime } from '@/logic/format'
import { latestVerification } from '@/logic/membership'
import { submissionFor, type Submission } from '@/logic/submission'
import { validateVerificationForm, type FieldErrors, type VerificationForm } from './verifyForm'
import { ROUTES } from '@/routes'
import { fetchMe, useMe } from '@/store/session'
import './VerifyPage.scss'
import { Field, FormSection } from '@/components/Form'

const IN_WECHAT = process.env.TARO_ENV === 'weapp'

export function VerifyPage() {
  const askSubscribe = useSubscribe('verification')
  const session = useMe()
  const { loggedIn, me } = session
  const villages = useResource(loggedIn ? () => call(orgRoutes.villages, {}, { toast: false }) : null, [
    loggedIn,
  ])
  const [form, setForm] = useState<VerificationForm>({ villageId: null, name: '', idNumber: '', phone: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [picking, setPicking] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [result, setResult] = useState<VerificationView | null>(null)
  const [again, setAgain] = useState(false)
  const submission = useRef<Submission | null>(null)
  // the ID number's own consent, asked right before it is typed (the server takes none without it)
  const privacy = useResource(loggedIn ? () => call(privacyRoutes.status, {}, { toast: false }) : null, [
    loggedIn,
  ])
  const [idConsentGiven, setIdConsentGiven] = useState(false)
  const [consenting, setConsenting] = useState(false)

  const who = meGate(session, '实名认证')
  if (who || !me) return <PageRoot>{who}</PageRoot>

  const latest = latestVerification(me)
  // What to show instead of the form: the answer just received, or a request still waiting.
  const standing = result ?? (!again && latest && latest.state !== 'rejected' ? latest : null)
  if (standing)
    return (
      <VerificationStatus
        view={standing}
        onAnother={() => {
          setResult(null)
          setAgain(true)
        }}
      />
    )

  const set = (field: keyof VerificationForm) => (value: string) => {
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
    const checked = validateVerificationForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    // first in the tap: WeChat asks about messages only then
    await askSubscribe()
    // Same content as last time (a second tap, or trying again after a failure) = same submission.
    submission.current = submissionFor(submission.current, checked.value, randomKey)
    setSubmitting(true)
    try {
      const view = await call(
        verificationRoutes.claim,
        { body: checked.value },
        { idempotencyKey: submission.current.key },
      )
      submission.current = null
      setResult(view)
      setAgain(false)
      void fetchMe().catch(() => undefined)
    } catch {
      // the request layer has said what went wrong; the form stays filled in
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <PageRoot className="verify">
      {latest?.state === 'rejected' ? (
        <View className="xl-card verify__rejected">
          <View className="xl-card__title">上次的申请{VERIFICATION_STATE_LABELS.rejected}</View>
          <View className="xl-card__text">
            {latest.reason ? `原因：${latest.reason}` : '请核对信息后重新提交。'}
          </View>
        </View>
      ) : null}

      <View className="xl-card verify__intro">
        <View className="xl-card__text">
          填写您的真实信息，村（居）委会会和花名册核对。身份证号只用于核对身份，加密保存，其他村民看不到。
        </View>
        <View
          className="xl-card__text verify__newcomer xl-tap"
          onClick={() => void Taro.navigateTo({ url: ROUTES.newcomerApply })}
        >
          户籍不在本村、住在这里？点这里带住址证明申请登记为常住居民 ›
        </View>
      </View>

      <FormSection className="verify__form">
        <Field
          label="村（社区）"
          error={
            errors.villageId ??
            (villages.error && !villages.data ? `${villages.error.message}，点这里重试` : undefined)
          }
        >
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
              <Button
                className="verify__id-agree"
                type="primary"
                block
                loading={consenting}
                onClick={() => void agreeToIdNumber()}
              >
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
      </FormSection>

      <View className="verify__submit">
        <Button type="primary" size="xlarge" block loading={submitting} onClick={() => void submit()}>
          提交认证
        </Button>
      </View>

      <VillagePicker
        visible={picking}
        villages={villages.data ?? []}
        selectedId={form.villageId}
        onClose={() => setPicking(false)}
        onSelect={(v) => {
          setForm((f) => ({ ...f, villageId: v.id }))
          setErrors((e) => ({ ...e, villageId: undefined }))
          setPicking(false)
        }}
      />
    </PageRoot>
  )
}

function VerificationStatus({ view, onAnother }: { view: VerificationView; onAnother: () => void }) {
  const title =
    view.state === 'confirmed'
      ? '认证成功'
      : view.state === 'pending'
        ? '已提交，等待村委会确认'
        : '认证未通过'
  return (
    <PageRoot className="verify">
      <View className={`xl-card verify__status verify__status--${view.state}`}>
        <View className="xl-card__title">{title}</View>
        <View className="xl-card__text">
          {view.state === 'confirmed'
            ? `您已是“${view.villageName}”认证的村（居）民，可以参与村里的事务了。`
            : view.state === 'pending'
              ? '村（居）委会会和花名册核对，确认后您就能参与村里的事务。'
              : view.reason
                ? `原因：${view.reason}`
                : '请核对信息后重新提交。'}
        </View>
        <View className="verify__facts">
          <View>村（社区）：{view.villageName}</View>
          <View>姓名：{view.name}</View>
          <View>身份证号：{view.idNumberMasked}</View>
          <View>手机号：{view.phoneMasked}</View>
          <View>提交时间：{formatTime(view.createdAt)}</View>
          {view.decidedAt ? <View>处理时间：{formatTime(view.decidedAt)}</View> : null}
        </View>
      </View>
      <View className="verify__submit">
        {view.state === 'rejected' ? (
          <Button type="primary" size="xlarge" block onClick={onAnother}>
            重新认证
          </Button>
        ) : (
          <Button
            type="primary"
            size="xlarge"
            block
            onClick={() => void Taro.switchTab({ url: ROUTES.home })}
          >
            回首页
          </Button>
        )}
      </View>
    </PageRoot>
  )
}
