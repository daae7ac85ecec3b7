import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { MAX_CERTIFICATE_MATERIALS, certificateRoutes, type CertificateRequestView } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { CertificatePageImage } from './CertificatePageImage'
import { CertificateBody } from './CertificateBody'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { Pending } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useReshow } from '@/hooks/useReshow'
import { useResource } from '@/hooks/useResource'
import { residentActions, validateCertificateDraft, type CertificateDraftErrors } from './certificate'
import { idParam } from '@/logic/links'
import type { DraftPhoto } from '@/logic/photoDraft'
import { openProtectedFile } from '@/platform/openDocument'
import { PlatformProblem } from '@/platform/problem'
import { Field, FormSection } from '@/components/Form'
import { FieldsForm } from './FieldsForm'
import { CERTIFICATE_UNVERIFIED } from './unverified'

/** A resident's own request: where it stands, what the committee asked, and the certificate once issued. */
export function CertificateDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null && id !== null
      ? () => call(certificateRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.villageId, id],
  )
  const catalogue = useResource(
    ctx.villageId !== null
      ? () => call(certificateRoutes.catalogue, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const [busy, setBusy] = useState(false)
  const [fields, setFields] = useState<Record<string, string> | null>(null)
  const [materials, setMaterials] = useState<DraftPhoto[]>([])
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<CertificateDraftErrors>({})
  const key = useRef(randomKey())

  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = residentGate(ctx, '查看我的证明', CERTIFICATE_UNVERIFIED)
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const r = found.data
  const item = catalogue.data?.positive.find((i) => i.code === r.itemCode) ?? null
  const can = residentActions(r)
  const shown = (next: CertificateRequestView) => found.setData(() => next)

  async function withdraw() {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后村委会不再办理这份申请，需要时可以重新申请。确定撤回吗？',
      confirmText: '撤回',
    })
    if (!confirm) return
    setBusy(true)
    try {
      shown(await call(certificateRoutes.withdraw, { params: { villageId, id: r.id } }))
      void Taro.showToast({ title: '已撤回', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  async function resubmit() {
    if (!item || !fields) return
    const checked = validateCertificateDraft(item, { purpose: r.purpose, fields, materials })
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setBusy(true)
    try {
      const kept = r.materials.map((m) => m.id)
      shown(
        await call(
          certificateRoutes.resubmit,
          {
            params: { villageId, id: r.id },
            body: {
              fields: checked.value.fields,
              materialIds: [...kept, ...(checked.value.materialIds ?? [])],
              note,
            },
          },
          { idempotencyKey: key.current },
        ),
      )
      setFields(null)
      void Taro.showToast({ title: '已补充', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  async function download() {
    if (!r.pdfPath) return
    setBusy(true)
    try {
      await openProtectedFile(r.pdfPath, 'pdf', `${r.number ?? '证明'}.pdf`)
    } catch (e) {
      // what went wrong in plain words when the phone said; otherwise the general sentence
      showProblem(e instanceof PlatformProblem ? e.message : '没有打开，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className="cert-form">
      <CertificateBody r={r} fields={item?.fields ?? null} />
      {process.env.TARO_ENV === 'h5' && r.pdfPath ? <CertificatePageImage pdfPath={r.pdfPath} /> : null}
      {r.state === 'more_info_requested' && r.infoRequest ? (
        <View className="xl-card">
          <View className="xl-card__title">村委会请您补充</View>
          <View className="cert-form__facts">{r.infoRequest}</View>
        </View>
      ) : null}
      {can.resubmit && item && fields ? (
        <FormSection>
          <FieldsForm
            fields={item.fields}
            values={fields}
            errors={errors}
            onChange={(k, v) => {
              setFields((f) => ({ ...f, [k]: v }))
              setErrors((e) => ({ ...e, [k]: undefined }))
            }}
          />
          <Field label={`补充的材料照片（最多 ${MAX_CERTIFICATE_MATERIALS} 张）`} error={errors.materials}>
            <PhotoPicker
              villageId={villageId}
              photos={materials}
              onChange={(update) => setMaterials(update)}
              max={Math.max(0, MAX_CERTIFICATE_MATERIALS - r.materials.length)}
              disabled={busy}
            />
          </Field>
          <Field label="说明（可不填）">
            <TextArea value={note} placeholder="补充了什么" maxLength={200} onChange={setNote} />
          </Field>
        </FormSection>
      ) : null}
      <View className="cert-form__submit xl-actions">
        {can.resubmit && !fields ? (
          <Button type="primary" disabled={!item} onClick={() => setFields({ ...r.fields })}>
            补充材料
          </Button>
        ) : null}
        {can.resubmit && fields ? (
          <Button type="primary" loading={busy} onClick={() => void resubmit()}>
            提交补充
          </Button>
        ) : null}
        {can.download ? (
          <Button type="primary" loading={busy} onClick={() => void download()}>
            查看证明
          </Button>
        ) : null}
        {can.withdraw ? (
          <Button disabled={busy} onClick={() => void withdraw()}>
            撤回申请
          </Button>
        ) : null}
      </View>
    </PageRoot>
  )
}
