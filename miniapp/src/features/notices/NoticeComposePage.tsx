import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  MAX_NOTICE_ATTACHMENTS,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  beijingDate,
  fileRoutes,
  noticeRoutes,
  orgRoutes,
  type NoticeCategory,
  type NoticeView,
} from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { PhotoPicker } from '@/components/Photos'
import { pickDocument, releasePickedFile } from '@/platform/pickFile'
import { ErrorView, LoadingView } from '@/components/States'
import { asApiError, useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import type { DraftPhoto } from '@/logic/photoDraft'
import {
  checkCorrection,
  checkNoticeForm,
  emptyLine,
  formFromNotice,
  newNoticeForm,
  previousMonth,
  type NoticeForm,
  type NoticeFormErrors,
} from './noticeDraft'
import { ROUTES, withQuery } from '@/routes'
import { noticeGate } from './noticeGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { NoticeFinanceSection } from './NoticeFinanceSection'
import { NoticeOptionsFields } from './NoticeOptionsFields'
import './NoticeComposePage.scss'
import { Field, FormSection } from '@/components/Form'

/**
 * 起草 / 修改草稿 / 更正: one form. A finance notice takes its lines in yuan (stored as fen), shows the
 * sums as they are typed and refuses totals that do not match the ledger. A correction of a published
 * notice is a new version and needs a reason, which every reader sees.
 */
export function NoticeComposePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const correcting = params.mode === 'correct'
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const existing = useResource<NoticeView>(
    ctx.me && ctx.villageId !== null && id !== null
      ? () => call(noticeRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.me?.accountId, ctx.villageId, id],
  )
  const village = useResource(
    // the village with its groups (村民小组), for a notice's audience
    ctx.me && ctx.villageId !== null
      ? () => call(orgRoutes.village, { params: { villageId } }, { toast: false })
      : null,
    [ctx.me?.accountId, ctx.villageId],
  )
  const [form, setForm] = useState<NoticeForm | null>(id === null ? newNoticeForm() : null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<NoticeFormErrors>({})
  const [sending, setSending] = useState(false)
  /** names of the documents added now (stored files know only their ids in the form) */
  const [docNames, setDocNames] = useState<Record<number, string>>({})
  const [uploading, setUploading] = useState(false)
  const key = useRef<{ key: string; body: string } | null>(null)

  useEffect(() => {
    if (existing.data && !form) setForm(formFromNotice(existing.data, randomKey))
  }, [existing.data])
  useEffect(() => {
    void Taro.setNavigationBarTitle({
      title: correcting ? '更正公告' : id !== null ? '修改草稿' : '起草公告',
    })
  }, [correcting, id])

  const gate = noticeGate(ctx, 'manage', '起草公告')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id !== null && !form)
    return (
      <PageRoot>
        {existing.error ? (
          <ErrorView error={existing.error} onRetry={() => void existing.reload()} />
        ) : (
          <LoadingView />
        )}
      </PageRoot>
    )
  if (!form) return <PageRoot />

  const today = beijingDate(new Date())
  const edit = <K extends keyof NoticeForm>(field: K, value: NoticeForm[K]) => {
    setForm((f) => (f ? { ...f, [field]: value } : f))
  }
  const setCategory = (c: NoticeCategory) => {
    setForm((f) =>
      f
        ? {
            ...f,
            category: c,
            // a new finance notice usually reports last month, and starts with one line of each kind
            coversPeriod: c === 'finance' && f.coversPeriod === '' ? previousMonth(today) : f.coversPeriod,
            lines:
              c === 'finance' && f.lines.length === 0
                ? [emptyLine(randomKey(), 'income'), emptyLine(randomKey(), 'expense')]
                : f.lines,
          }
        : f,
    )
    setErrors((e) => ({ ...e, category: undefined }))
  }
  const setPhotos = (update: (photos: DraftPhoto[]) => DraftPhoto[]) =>
    setForm((f) => (f ? { ...f, photos: update(f.photos) } : f))

  async function addDocument() {
    const doc = await pickDocument()
    if (!doc) return
    setUploading(true)
    try {
      const stored = await call(
        fileRoutes.uploadAttachment,
        { params: { villageId }, file: doc },
        { idempotencyKey: randomKey() },
      )
      setDocNames((names) => ({ ...names, [stored.id]: doc.name }))
      setForm((f) => (f ? { ...f, attachmentIds: [...f.attachmentIds, stored.id] } : f))
    } catch {
      // the request layer has said what went wrong (e.g. only PDF, .xlsx, .csv)
    } finally {
      releasePickedFile(doc)
      setUploading(false)
    }
  }

  /** One Idempotency-Key per content: tapping again after a failure does not make a second draft. */
  const keyFor = (body: unknown) => {
    const json = JSON.stringify(body)
    if (!key.current || key.current.body !== json) key.current = { key: randomKey(), body: json }
    return key.current.key
  }

  async function save() {
    if (!form) return
    if (correcting) {
      const checked = checkCorrection(form, reason)
      if (!checked.ok) {
        setErrors(checked.errors)
        void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
        return
      }
      if (id === null) return
      setSending(true)
      try {
        await call(
          noticeRoutes.correct,
          { params: { villageId, id }, body: checked.value },
          { idempotencyKey: keyFor(checked.value), toast: false },
        )
        void Taro.showToast({ title: '已发布更正', icon: 'success' })
        void Taro.navigateBack()
      } catch (e) {
        const error = asApiError(e)
        if (!error.sessionEnded) showProblem(error.message)
      } finally {
        setSending(false)
      }
      return
    }
    const checked = checkNoticeForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    setSending(true)
    try {
      const o = { idempotencyKey: keyFor(checked.value), toast: false }
      const saved =
        id === null
          ? await call(noticeRoutes.create, { params: { villageId }, body: checked.value }, o)
          : await call(noticeRoutes.edit, { params: { villageId, id }, body: checked.value }, o)
      void Taro.showToast({ title: '草稿已保存', icon: 'success' })
      if (id === null)
        void Taro.redirectTo({ url: withQuery(ROUTES.committeeNotice, { id: saved.id, villageId }) })
      else void Taro.navigateBack()
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  const finance = form.category === 'finance'
  const stored = existing.data?.attachments ?? []
  const files = form.attachmentIds.map((fileId) => ({
    fileId,
    name: docNames[fileId] ?? stored.find((a) => a.fileId === fileId)?.name ?? `附件 ${fileId}`,
  }))
  const room = MAX_NOTICE_ATTACHMENTS - form.attachmentIds.length - form.photos.length

  return (
    <PageRoot className="compose">
      {correcting ? (
        <FormSection
          title="更正已发布的公告"
          intro="发布后的内容不能直接改。更正会发布为新的一版，原来的版本仍然保留，村民能看到每一版和更正原因。"
        >
          <Field label="更正原因（必填，村民会看到）" error={errors.reason}>
            <TextArea
              value={reason}
              placeholder="例如：村道修缮支出金额录入有误，按发票更正"
              maxLength={200}
              showCount
              onChange={(v) => {
                setReason(v)
                setErrors((e) => ({ ...e, reason: undefined }))
              }}
            />
          </Field>
        </FormSection>
      ) : null}

      <FormSection>
        {correcting ? null : (
          <Field label="公开类别" error={errors.category}>
            <Chips
              options={NOTICE_CATEGORIES.map((c): { value: NoticeCategory | null; label: string } => ({
                value: c,
                label: NOTICE_CATEGORY_LABELS[c],
              }))}
              value={form.category}
              onChange={(c) => {
                if (c) setCategory(c)
              }}
            />
          </Field>
        )}
        <Field label="标题" error={errors.title}>
          <Input
            value={form.title}
            placeholder={finance ? '例如：2026年10月村级财务收支公开' : '例如：关于村道硬化工程的公示'}
            maxLength={80}
            onChange={(v) => {
              edit('title', v)
              setErrors((e) => ({ ...e, title: undefined }))
            }}
          />
        </Field>
        <Field label={finance ? '说明（可不填）' : '正文'} error={errors.body}>
          <TextArea
            value={form.body}
            placeholder={
              finance ? '例如：现将本月村集体收支情况公开如下，如有疑问请在公示期内提出。' : '公开的内容'
            }
            maxLength={20000}
            autoSize
            onChange={(v) => edit('body', v)}
          />
        </Field>
      </FormSection>

      {finance ? (
        <NoticeFinanceSection
          form={form}
          errors={errors}
          today={today}
          setForm={setForm}
          setErrors={setErrors}
        />
      ) : null}

      <FormSection>
        <Field
          label={`附件：照片、PDF、表格（可不加，最多 ${MAX_NOTICE_ATTACHMENTS} 个）`}
          error={errors.photos}
        >
          {files.length > 0 ? (
            <View className="compose__files">
              {files.map((a) => (
                <View key={a.fileId} className="compose__file">
                  <Text>{a.name}</Text>
                  <Text
                    className="compose__remove xl-tap xl-tap--line"
                    onClick={() =>
                      edit(
                        'attachmentIds',
                        form.attachmentIds.filter((x) => x !== a.fileId),
                      )
                    }
                  >
                    删去
                  </Text>
                </View>
              ))}
            </View>
          ) : null}
          <PhotoPicker
            villageId={villageId}
            photos={form.photos}
            onChange={setPhotos}
            max={Math.max(0, MAX_NOTICE_ATTACHMENTS - form.attachmentIds.length)}
            disabled={sending}
          />
          {room > 0 ? (
            <View className="compose__add">
              <Button loading={uploading} disabled={sending} onClick={() => void addDocument()}>
                加 PDF 或表格
              </Button>
            </View>
          ) : null}
        </Field>
        {correcting ? null : (
          <NoticeOptionsFields
            form={form}
            errors={errors}
            today={today}
            village={village.data ?? null}
            edit={edit}
            setErrors={setErrors}
          />
        )}
      </FormSection>

      <View className="compose__submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void save()}>
          {correcting ? '发布更正' : '保存草稿'}
        </Button>
        {correcting ? null : (
          <View className="xl-muted compose__hint">保存后可以再修改；发布前村民看不到。</View>
        )}
      </View>
    </PageRoot>
  )
}
