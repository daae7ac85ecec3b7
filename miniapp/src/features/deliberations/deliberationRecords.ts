/**
 * What a meeting keeps besides minutes: its files and the township officials who attended (列席).
 * Pure helpers for the meeting page; the server checks everything again.
 */
import type {
  NoticeAttachmentView,
  StoredFileView,
  TownshipAttendeeRequest,
  TownshipOfficialOption,
} from '@xiangli/shared'

/** The two ways to add a file, in the order of the action sheet. */
export const ATTACH_CHOICES = ['拍照或选照片', '选文件（PDF、表格）'] as const

const KIND_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/csv': '表格',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '表格',
}

/**
 * The meeting's files in the shape the notice's file list shows (pictures as a grid, documents as rows
 * to open). The server keeps no file name for them, so each is named by its place and kind.
 */
export function meetingFiles(files: readonly StoredFileView[]): NoticeAttachmentView[] {
  return files.map((f, i) => ({
    fileId: f.id,
    url: f.url,
    mime: f.mime,
    size: f.size,
    name: f.mime.startsWith('image/')
      ? `照片 ${i + 1}`
      : `会议附件 ${i + 1}（${KIND_NAMES[f.mime] ?? '文件'}）`,
    sha256: '',
  }))
}

/** The officials not yet listed, as chips: 赵建国（柳林镇）. */
export function attendeeChoices(
  officials: readonly TownshipOfficialOption[],
  listed: readonly { accountId?: number }[],
): { value: number; label: string }[] {
  const taken = new Set(listed.map((x) => x.accountId))
  return officials
    .filter((o) => !taken.has(o.accountId))
    .map((o) => ({ value: o.accountId, label: `${o.name}（${o.townshipName}）` }))
}

export interface AttendeeForm {
  accountId: number | null
  title: string
}

export function checkAttendee(
  f: AttendeeForm,
): { ok: true; body: TownshipAttendeeRequest } | { ok: false; error: string } {
  if (f.accountId === null) return { ok: false, error: '请选择列席的干部' }
  const title = f.title.trim()
  if (!title) return { ok: false, error: '请填写职务，例如：副镇长' }
  if (Array.from(title).length > 30) return { ok: false, error: '职务最多 30 个字' }
  return { ok: true, body: { accountId: f.accountId, title } }
}
