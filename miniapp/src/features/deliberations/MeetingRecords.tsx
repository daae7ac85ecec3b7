import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { fileRoutes, type TownshipOfficialOption } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Attachments } from '@/features/notices/Attachments'
import { pickDocument, releasePickedFile } from '@/platform/pickFile'
import { asApiError } from '@/hooks/useResource'
import type { MeetingView } from './deliberation'
import {
  ATTACH_CHOICES,
  attendeeChoices,
  checkAttendee,
  meetingFiles,
  type AttendeeForm,
} from './deliberationRecords'
import { Field } from '@/components/Form'
import './deliberation.scss'
import { deliberationRoutes } from '@xiangli/shared'

/** A photo from the album or camera, or a PDF / spreadsheet; null when the person changed their mind. */
async function pickFile(): Promise<{ path: string; name: string; release: () => void } | null> {
  const sheet = await Taro.showActionSheet({ itemList: [...ATTACH_CHOICES] }).catch(() => null)
  if (!sheet) return null
  if (sheet.tapIndex === 0) {
    const photo = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null)
    const path = photo?.tempFilePaths[0]
    return path ? { path, name: 'photo.jpg', release: () => undefined } : null
  }
  const doc = await pickDocument()
  return doc ? { path: doc.path, name: doc.name, release: () => releasePickedFile(doc) } : null
}

/**
 * What a meeting keeps besides its minutes: files (a photo of the paper sign-in sheet, the plan as a
 * PDF) and the township officials who attended (列席, never counted). Whoever may record the meeting
 * adds them; everyone of the village reads them.
 */
export function MeetingRecords({
  m,
  villageId,
  deliberationId,
  onChanged,
}: {
  m: MeetingView
  villageId: number
  deliberationId: number
  onChanged: (next: MeetingView) => void
}) {
  const [busy, setBusy] = useState(false)
  const [officials, setOfficials] = useState<TownshipOfficialOption[] | null>(null)
  const [form, setForm] = useState<AttendeeForm>({ accountId: null, title: '' })
  const [formError, setFormError] = useState<string | null>(null)
  const files = meetingFiles(m.attachments ?? [])
  const attendees = m.townshipAttendees ?? []
  const canRecord = m.canRecord === true
  // an attendee is listed once the meeting has been held (opened)
  const canList = canRecord && (m.status === 'in_session' || m.status === 'closed')

  async function act(work: () => Promise<void>): Promise<void> {
    setBusy(true)
    try {
      await work()
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setBusy(false)
    }
  }

  const attach = () =>
    act(async () => {
      const picked = await pickFile()
      if (!picked) return
      try {
        void Taro.showLoading({ title: '正在上传…' })
        const stored = await call(
          fileRoutes.uploadAttachment,
          { params: { villageId }, file: picked },
          { toast: false },
        )
        onChanged(
          await call(
            deliberationRoutes.attach,
            { params: { villageId, id: deliberationId, meetingId: m.id }, body: { fileIds: [stored.id] } },
            { toast: false },
          ),
        )
        void Taro.showToast({ title: '附件已添加', icon: 'success' })
      } finally {
        void Taro.hideLoading()
        picked.release()
      }
    })

  const startListing = () =>
    act(async () => {
      const list = await call(
        deliberationRoutes.townshipOfficials,
        { params: { villageId } },
        { toast: false },
      )
      setOfficials(list)
      setForm({ accountId: null, title: '' })
      setFormError(null)
    })

  const list = () => {
    const checked = checkAttendee(form)
    if (!checked.ok) {
      setFormError(checked.error)
      return Promise.resolve()
    }
    return act(async () => {
      onChanged(
        await call(
          deliberationRoutes.addTownshipAttendee,
          { params: { villageId, id: deliberationId, meetingId: m.id }, body: checked.body },
          { toast: false },
        ),
      )
      setOfficials(null)
      void Taro.showToast({ title: '已添加列席', icon: 'success' })
    })
  }

  const choices = officials ? attendeeChoices(officials, attendees) : []

  return (
    <>
      {files.length > 0 || canRecord ? (
        <View className="xl-card xl-delib-files">
          <View className="xl-card__title">会议附件</View>
          {files.length === 0 ? <View className="xl-muted">还没有附件</View> : null}
          <Attachments files={files} />
          {canRecord ? (
            <View className="xl-actions">
              <Button loading={busy} disabled={busy} onClick={() => void attach()}>
                添加附件
              </Button>
            </View>
          ) : null}
          {canRecord ? (
            <View className="xl-muted">
              可以拍下纸质签到表、会议材料，或选 PDF、表格文件。添加后不能删除。
            </View>
          ) : null}
        </View>
      ) : null}

      {attendees.length > 0 || canList ? (
        <View className="xl-card xl-delib-attendees">
          <View className="xl-card__title">列席的乡镇干部</View>
          {attendees.length === 0 ? <View className="xl-muted">还没有登记列席的干部</View> : null}
          {attendees.map((t) => (
            <View key={t.id} className="xl-delib-attendee">
              {t.name}（{t.title}）
            </View>
          ))}
          <View className="xl-muted">列席的人不计入到会人数。</View>
          {canList && officials === null ? (
            <View className="xl-actions">
              <Button loading={busy} disabled={busy} onClick={() => void startListing()}>
                添加列席干部
              </Button>
            </View>
          ) : null}
          {canList && officials !== null ? (
            <View className="xl-delib-form">
              {choices.length === 0 ? (
                <View className="xl-muted">
                  {officials.length === 0
                    ? '所属乡镇（街道）还没有干部在乡里登记账号。'
                    : '所属乡镇（街道）的干部都已登记列席。'}
                </View>
              ) : (
                <>
                  <Field label="哪位干部">
                    <Chips
                      options={choices}
                      value={form.accountId}
                      onChange={(accountId) => {
                        setForm((f) => ({ ...f, accountId }))
                        setFormError(null)
                      }}
                    />
                  </Field>
                  <Field label="职务" error={formError ?? undefined}>
                    <Input
                      value={form.title}
                      placeholder="例如：柳林镇副镇长"
                      maxLength={30}
                      onChange={(title) => {
                        setForm((f) => ({ ...f, title }))
                        setFormError(null)
                      }}
                    />
                  </Field>
                </>
              )}
              <View className="xl-actions">
                {choices.length > 0 ? (
                  <Button type="primary" loading={busy} disabled={busy} onClick={() => void list()}>
                    登记列席
                  </Button>
                ) : null}
                <Button onClick={() => setOfficials(null)}>取消</Button>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </>
  )
}
