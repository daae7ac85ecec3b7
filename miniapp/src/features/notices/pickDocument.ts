import Taro from '@tarojs/taro'

export interface PickedDocument {
  /** a path Taro.uploadFile accepts: a temp file on weapp, a blob: URL on H5 */
  path: string
  name: string
  size: number
}

const EXTENSIONS = ['pdf', 'xlsx', 'csv']

/**
 * A PDF or spreadsheet to attach to a notice (the 账目 sheet, a scanned contract). In WeChat it comes
 * from a chat, which is how files reach a phone there; in a browser, from the file picker. Null on cancel.
 */
export function pickDocument(): Promise<PickedDocument | null> {
  if (process.env.TARO_ENV === 'h5')
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = '.pdf,.xlsx,.csv,application/pdf,text/csv'
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
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS }).then(
    (res) => {
      const f = res.tempFiles[0]
      return f ? { path: f.path, name: f.name, size: f.size } : null
    },
    () => null,
  )
}

export function releaseDocument(d: PickedDocument): void {
  if (process.env.TARO_ENV === 'h5' && d.path.startsWith('blob:')) URL.revokeObjectURL(d.path)
}
