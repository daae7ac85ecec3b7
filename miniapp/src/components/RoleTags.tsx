import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import { ROLE_LABELS, sortRoles, type Role } from '@xiangli/shared'
import './RoleTags.scss'

/** Roles as tags, the most responsible first. */
export function RoleTags({
  roles,
  hideResident = false,
}: {
  roles: readonly Role[]
  hideResident?: boolean
}) {
  const shown = sortRoles(roles).filter((r) => !(hideResident && r === 'resident'))
  if (shown.length === 0) return null
  return (
    <View className="xl-role-tags">
      {shown.map((role) => (
        <Tag
          key={role}
          plain
          // plain + background: white tag, coloured border and text (type 'primary' would paint a gradient)
          background={role === 'resident' ? '#575a61' : '#2b7a4b'}
          className="xl-role-tags__tag"
        >
          {ROLE_LABELS[role]}
        </Tag>
      ))}
    </View>
  )
}
