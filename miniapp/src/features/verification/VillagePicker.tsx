import { useState } from 'react'
import { ScrollView, View } from '@tarojs/components'
import { Cell, Input, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import type { OrgView } from '@xiangli/shared'
import { groupVillages } from './villages'
import './VillagePicker.scss'

/** A bottom sheet listing villages and communities by township, with a search box on top. */
export function VillagePicker({
  visible,
  villages,
  selectedId,
  onSelect,
  onClose,
}: {
  visible: boolean
  villages: readonly OrgView[]
  selectedId: number | null
  onSelect: (village: OrgView) => void
  onClose: () => void
}) {
  const [query, setQuery] = useState('')
  const groups = groupVillages(villages, query)
  return (
    <Popup visible={visible} position="bottom" round title="选择村（社区）" closeable onClose={onClose}>
      <View className="village-picker">
        <View className="village-picker__search">
          <Input value={query} placeholder="输入村名或乡镇名查找" clearable onChange={setQuery} />
        </View>
        <ScrollView scrollY className="village-picker__list">
          {groups.length === 0 ? <View className="village-picker__empty">没有找到，换个字试试</View> : null}
          {groups.map((g) => (
            <View key={g.title}>
              <View className="xl-section-title">{g.title}</View>
              {g.villages.map((v) => (
                <Cell
                  key={v.id}
                  title={v.name}
                  extra={v.id === selectedId ? '已选' : ''}
                  clickable
                  onClick={() => onSelect(v)}
                />
              ))}
            </View>
          ))}
        </ScrollView>
      </View>
    </Popup>
  )
}
