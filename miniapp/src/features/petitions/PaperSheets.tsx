import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { PetitionView } from '@xiangli/shared'
import { PhotoGrid } from '@/components/Photos'
import { formatTime } from '@/logic/format'
import { ROUTES, withQuery } from '@/routes'
import { paperSheetLine } from './paperSheet'

/** 纸质签名表 on a petition: the sheets staff recorded, and (for them) the way to record one. */
export function PaperSheets({ p, villageId }: { p: PetitionView; villageId: number }) {
  if (p.paperSheets.length === 0 && !p.canRecordPaper) return null
  return (
    <View className="xl-card petition-sheets">
      <View className="xl-card__title">纸质签名表</View>
      {p.paperSheets.length === 0 ? (
        <View className="xl-muted">还没有登记纸质签名表。</View>
      ) : (
        p.paperSheets.map((s) => (
          <View key={s.id} className="petition-sheets__sheet">
            <View>{paperSheetLine(s)}</View>
            <View className="xl-muted">
              {s.recordedByName} 登记 · {formatTime(s.recordedAt)}
            </View>
            {s.photoUrl ? <PhotoGrid urls={[s.photoUrl]} /> : null}
          </View>
        ))
      )}
      {p.canRecordPaper ? (
        <View className="xl-actions">
          <Button
            size="large"
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(ROUTES.petitionPaperSheet, { id: p.id, villageId }) })
            }
          >
            登记纸质签名表
          </Button>
        </View>
      ) : null}
    </View>
  )
}
