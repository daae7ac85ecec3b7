import Taro from '@tarojs/taro'

export interface PickedFile {
  /** a path Taro.uploadFile accepts: a temp file on weapp, a blob: URL on H5 */
  path: string
  name: string
  size: number
}

const ACCEPT = ['xlsx', 'csv']

export const isRosterFileName = (name: string): boolean =>
  ACCEPT.some((ext) => name.toLowerCase().endsWith(`.${ext}`))

/**
 * Lets a committee member pick the roster sheet. In WeChat the file comes from a chat (that is how
 * people get files onto a phone there); in a browser, from the file picker. Resolves null on cancel.
 */
export function pickRosterFile(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser()
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ACCEPT }).then(
    (res) => {
      const file = res.tempFiles[0]
      return file ? { path: file.path, name: file.name, size: file.size } : null
    },
    () => null,
  )
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
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
