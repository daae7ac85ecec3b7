import Taro from '@tarojs/taro'

export interface PickedFile {
  /** a path Taro.uploadFile accepts: a temp file on weapp, a blob: URL on H5 */
  path: string
  name: string
  size: number
}

/** What a page asks for: the endings WeChat's chat picker filters by, and the browser picker's accept list. */
interface FileKind {
  extensions: string[]
  accept: string
}

const ROSTER: FileKind = {
  extensions: ['xlsx', 'csv'],
  accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
}

const DOCUMENT: FileKind = {
  extensions: ['pdf', 'xlsx', 'csv'],
  accept: '.pdf,.xlsx,.csv,application/pdf,text/csv',
}

export const isRosterFileName = (name: string): boolean =>
  ROSTER.extensions.some((ext) => name.toLowerCase().endsWith(`.${ext}`))

/** Lets a committee member pick the roster sheet. */
export const pickRosterFile = (): Promise<PickedFile | null> => pickFile(ROSTER)

/** A PDF or spreadsheet to attach to a notice or a meeting's records (the 账目 sheet, a scanned contract). */
export const pickDocument = (): Promise<PickedFile | null> => pickFile(DOCUMENT)

/**
 * In WeChat the file comes from a chat (that is how people get files onto a phone there); in a
 * browser, from the file picker. Resolves null on cancel.
 */
function pickFile(kind: FileKind): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser(kind.accept)
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: kind.extensions }).then(
    (res) => {
      const file = res.tempFiles[0]
      return file ? { path: file.path, name: file.name, size: file.size } : null
    },
    () => null,
  )
}

function pickInBrowser(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const finish = (file: File | null) => {
      input.remove()
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null)
    }
    input.addEventListener('change', () => finish(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => finish(null))
    document.body.appendChild(input)
    input.click()
  })
}

/** Frees the browser's copy of the file once it has been sent. */
export function releasePickedFile(file: PickedFile): void {
  if (process.env.TARO_ENV === 'h5' && file.path.startsWith('blob:')) URL.revokeObjectURL(file.path)
}
