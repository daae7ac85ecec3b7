import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { NoticeAttachmentView } from '@xiangli/shared'
import { PhotoGrid, photoSrc } from '@/components/Photos'
import './notice.scss'

const isImage = (a: NoticeAttachmentView) => a.mime.startsWith('image/')
const kindOf = (a: NoticeAttachmentView): 'pdf' | 'xlsx' | 'file' =>
  a.mime === 'application/pdf' || /\.pdf$/i.test(a.name ?? '')
    ? 'pdf'
    : /spreadsheet|excel/.test(a.mime) || /\.xlsx?$/i.test(a.name ?? '')
      ? 'xlsx'
      : 'file'
const KIND_LABEL = { pdf: 'PDF', xlsx: '表格', file: '文件' } as const

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/**
 * A PDF or spreadsheet. The link is signed (it works without a login for a while): WeChat downloads it
 * and opens its document viewer; a browser opens it in a new tab or saves it.
 */
async function openFile(a: NoticeAttachmentView): Promise<void> {
  const url = photoSrc(a.url)
  const kind = kindOf(a)
  if (process.env.TARO_ENV === 'h5') {
    const opened = window.open(url, '_blank')
    if (!opened) window.location.href = url
    return
  }
  try {
    void Taro.showLoading({ title: '正在打开…' })
    const res = await Taro.downloadFile({ url })
    if (res.statusCode !== 200) throw new Error(String(res.statusCode))
    await Taro.openDocument({
      filePath: res.tempFilePath,
      ...(kind === 'file' ? {} : { fileType: kind }),
      showMenu: true,
    })
  } catch {
    void Taro.showToast({ title: '文件没有打开，请稍后再试', icon: 'none' })
  } finally {
    void Taro.hideLoading()
  }
}

/** Pictures as a grid (tap to see them large), PDFs and spreadsheets as rows to open. */
export function Attachments({ files }: { files: readonly NoticeAttachmentView[] }) {
  if (files.length === 0) return null
  const images = files.filter(isImage)
  const others = files.filter((a) => !isImage(a))
  return (
    <View className="xl-attachments">
      <PhotoGrid urls={images.map((a) => a.url)} />
      {others.map((a) => {
        const kind = kindOf(a)
        return (
          <View
            key={a.fileId}
            className="xl-attachments__file xl-tap xl-tap--line"
            onClick={() => void openFile(a)}
          >
            <Text className={`xl-attachments__kind xl-attachments__kind--${kind}`}>{KIND_LABEL[kind]}</Text>
            <Text className="xl-attachments__name">{a.name ?? `附件 ${a.fileId}`}</Text>
            <Text className="xl-muted">{sizeText(a.size)} · 打开</Text>
          </View>
        )
      })}
    </View>
  )
}
