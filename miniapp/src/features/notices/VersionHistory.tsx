import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { NoticeCategory, NoticeVersionView } from '@xiangli/shared'
import { formatTime } from '@/logic/format'
import { changeSummary, versionChanges } from './noticeVersions'
import { ContentBody } from './NoticeContent'
import './notice.scss'

/**
 * 更正记录: every published version, newest first, each with its reason, time, what changed against the
 * one before and the fingerprint (content hash) recorded in the audit chain. Any version opens in full.
 */
export function VersionHistory({
  versions,
  category,
}: {
  versions: readonly NoticeVersionView[]
  category: NoticeCategory
}) {
  const [open, setOpen] = useState<number | null>(null)
  if (versions.length === 0) return null
  const sorted = [...versions].sort((a, b) => b.version - a.version)
  return (
    <View className="xl-card xl-versions">
      <View className="xl-card__title">
        {sorted.length > 1 ? `更正记录（共 ${sorted.length} 个版本）` : '版本记录'}
      </View>
      <View className="xl-muted">发布后不能修改，只能更正；每一版都保留，大家都能看到。</View>
      {sorted.map((v, i) => {
        const previous = sorted[i + 1]
        const changes = previous ? changeSummary(versionChanges(previous, v)) : null
        return (
          <View key={v.version} className="xl-versions__item">
            <View className="xl-versions__head">
              <Text>
                第 {v.version} 版{i === 0 ? '（现行）' : ''}
                {v.version === 1 ? ' · 首次发布' : ' · 更正'}
              </Text>
              <Text className="xl-versions__when">{formatTime(v.createdAt)}</Text>
            </View>
            {v.reason ? <View className="xl-versions__reason">更正原因：{v.reason}</View> : null}
            {changes ? <View className="xl-versions__changes">改动：{changes}</View> : null}
            {v.createdByName ? <View className="xl-muted">发布人：{v.createdByName}</View> : null}
            <View className="xl-versions__hash">内容指纹 {v.contentHash.slice(0, 16)}</View>
            <View
              className="xl-versions__toggle xl-tap xl-tap--line"
              onClick={() => setOpen((o) => (o === v.version ? null : v.version))}
            >
              {open === v.version ? '收起这一版' : '查看这一版全文'}
            </View>
            {open === v.version ? (
              <View className="xl-versions__content">
                <View className="xl-card__title">{v.title}</View>
                <ContentBody c={v} category={category} />
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
