import { Text, View } from '@tarojs/components'
import { PRIVACY_GUIDE, RETAINED_AFTER_DELETION } from '@xiangli/shared'

/** The whole 用户隐私保护指引, the same text as the server's /privacy page. */
export function GuideText() {
  return (
    <>
      <View className="xl-card">
        <View className="xl-card__title">{PRIVACY_GUIDE.title}</View>
        <View className="xl-muted">
          第 {PRIVACY_GUIDE.version} 版，{PRIVACY_GUIDE.effectiveOn} 起施行
        </View>
      </View>
      {PRIVACY_GUIDE.sections.map((s) => (
        <View key={s.title} className="xl-card">
          <View className="xl-card__title">{s.title}</View>
          {s.paragraphs.map((p) => (
            <View key={p} className="xl-card__text privacy__para">
              <Text>{p}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className="xl-card">
        <View className="xl-card__title">删除时保留的记录</View>
        {RETAINED_AFTER_DELETION.map((r) => (
          <View key={r} className="xl-card__text privacy__para">
            <Text>· {r}</Text>
          </View>
        ))}
      </View>
    </>
  )
}
