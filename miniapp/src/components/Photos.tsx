import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_GRIEVANCE_PHOTOS, fileRoutes, type StoredFileView } from '@xiangli/shared'
import { call } from '@/api/request'
import { randomKey } from '@/api/core'
import { asApiError } from '@/hooks/useResource'
import { fileLink, thumbLink } from '@/logic/links'
import { addPhotos, nextToUpload, patchPhoto, removePhoto, type DraftPhoto } from '@/logic/photoDraft'
import { choosePhotos, releasePhoto } from '@/platform/photos'
import './Photos.scss'

/** A photo path from the API as `<Image>` and previewImage need it. */
export const photoSrc = (url: string): string => fileLink(url, API_BASE)

function preview(urls: string[], current: string) {
  void Taro.previewImage({ urls, current }).catch(() => undefined)
}

/** Photos to look at: a grid of thumbnails (the server's small WebP); tapping one opens them full screen. */
export function PhotoGrid({ urls }: { urls: readonly string[] }) {
  if (urls.length === 0) return null
  const full = urls.map(photoSrc)
  return (
    <View className="xl-photos">
      {full.map((src) => (
        <View key={src} className="xl-photos__tile" onClick={() => preview(full, src)}>
          <Image className="xl-photos__img" src={thumbLink(src)} mode="aspectFill" lazyLoad />
        </View>
      ))}
    </View>
  )
}

/**
 * Photos to send with an issue, a reply or an answer. Each goes up as soon as it is chosen, one at a
 * time, with its progress; a failed one is tapped to try again (with the same Idempotency-Key, so a
 * photo that did arrive is not stored twice). The photos live in the parent, which may keep them.
 */
export function PhotoPicker({
  villageId,
  photos,
  onChange,
  max = MAX_GRIEVANCE_PHOTOS,
  disabled = false,
  send,
}: {
  villageId: number
  photos: readonly DraftPhoto[]
  onChange: (update: (photos: DraftPhoto[]) => DraftPhoto[]) => void
  max?: number
  disabled?: boolean
  /** where a photo goes up when not the village's own upload route (someone not yet of the village) */
  send?: (localPath: string, key: string, onProgress: (percent: number) => void) => Promise<StoredFileView>
}) {
  const sending = useRef<string | null>(null)
  const change = useRef(onChange)
  change.current = onChange
  const [finished, setFinished] = useState(0)

  useEffect(() => {
    if (sending.current) return
    const next = nextToUpload(photos)
    if (!next) return
    sending.current = next.key
    const update = (patch: Partial<DraftPhoto>) => change.current((ps) => patchPhoto(ps, next.key, patch))
    update({ status: 'uploading', progress: 0, error: null })
    const onProgress = (progress: number) => update({ progress })
    ;(send
      ? send(next.localPath, next.key, onProgress)
      : call(
          fileRoutes.uploadPhoto,
          { params: { villageId }, file: { path: next.localPath } },
          { idempotencyKey: next.key, toast: false, onProgress },
        )
    )
      .then((file) => update({ status: 'done', progress: 100, fileId: file.id, url: file.url, error: null }))
      .catch((e: unknown) => update({ status: 'failed', error: asApiError(e).message }))
      .finally(() => {
        sending.current = null
        // look for the next one even if nothing else changed
        setFinished((n) => n + 1)
      })
  }, [photos, villageId, finished, send])

  async function choose() {
    const room = max - photos.length
    if (room <= 0) return
    const paths = await choosePhotos(room)
    if (paths.length === 0) return
    if (paths.length > room) {
      paths.slice(room).forEach(releasePhoto)
      void Taro.showToast({ title: `最多 ${max} 张，多出的没有加上`, icon: 'none' })
    }
    change.current((ps) => addPhotos(ps, paths, randomKey, max).photos)
  }

  function tap(photo: DraftPhoto) {
    if (photo.status === 'failed') {
      change.current((ps) => patchPhoto(ps, photo.key, { status: 'pending', progress: 0, error: null }))
      return
    }
    const shown = photos.map((p) => p.localPath)
    preview(shown, photo.localPath)
  }

  function remove(photo: DraftPhoto) {
    releasePhoto(photo.localPath)
    change.current((ps) => removePhoto(ps, photo.key))
  }

  return (
    <View className="xl-photos">
      {photos.map((p) => (
        <PhotoTile
          key={p.key}
          photo={p}
          disabled={disabled}
          onTap={() => tap(p)}
          onRemove={() => remove(p)}
        />
      ))}
      {photos.length < max && !disabled ? (
        <View className="xl-photos__tile xl-photos__add" onClick={() => void choose()}>
          <Text className="xl-photos__plus">+</Text>
          <Text className="xl-photos__hint">
            {photos.length === 0 ? `加照片（最多 ${max} 张）` : `还能加 ${max - photos.length} 张`}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

function PhotoTile({
  photo,
  disabled,
  onTap,
  onRemove,
}: {
  photo: DraftPhoto
  disabled: boolean
  onTap: () => void
  onRemove: () => void
}) {
  // after a reload in a browser the local copy is gone; the server's link still shows the photo
  const [localGone, setLocalGone] = useState(false)
  const src = localGone && photo.url ? photoSrc(photo.url) : photo.localPath
  return (
    <View className={`xl-photos__tile xl-photos__tile--${photo.status}`} onClick={onTap}>
      <Image className="xl-photos__img" src={src} mode="aspectFill" onError={() => setLocalGone(true)} />
      {photo.status === 'uploading' ? (
        <View className="xl-photos__cover">
          <Text>上传中 {photo.progress}%</Text>
          <View className="xl-photos__bar">
            <View className="xl-photos__bar-fill" style={{ width: `${photo.progress}%` }} />
          </View>
        </View>
      ) : null}
      {photo.status === 'pending' ? (
        <View className="xl-photos__cover">
          <Text>等待上传</Text>
        </View>
      ) : null}
      {photo.status === 'failed' ? (
        <View className="xl-photos__cover xl-photos__cover--failed">
          <Text>没传上</Text>
          <Text>点这里重试</Text>
        </View>
      ) : null}
      {photo.status === 'done' ? <View className="xl-photos__done">✓</View> : null}
      {disabled ? null : (
        <View
          className="xl-photos__remove"
          onClick={(e) => {
            e.stopPropagation()
            onRemove()
          }}
        >
          ×
        </View>
      )}
    </View>
  )
}
