import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { protectedBlobUrl } from '@/platform/openDocument'
import { pageImagePath } from './pageImage'

/**
 * In a phone's browser, which only downloads a PDF, the certificate's first page shown at the
 * screen's width (the server draws it from the same PDF); nothing when it cannot be had, and the
 * 下载 button below still gives the PDF.
 */
export function CertificatePageImage({ pdfPath }: { pdfPath: string }) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let made: string | null = null
    let live = true
    void protectedBlobUrl(pageImagePath(pdfPath))
      .then((u) => {
        made = u
        if (live) setUrl(u)
      })
      .catch(() => undefined)
    return () => {
      live = false
      if (made) URL.revokeObjectURL(made)
    }
  }, [pdfPath])
  if (!url) return null
  return (
    <View className="xl-card cert-page">
      <Image className="cert-page__image" src={url} mode="widthFix" style={{ width: '100%' }} />
    </View>
  )
}
