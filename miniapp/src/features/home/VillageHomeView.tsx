import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import type { HomeSummary, Me, Membership } from '@xiangli/shared'
import { RoleTags } from '@/components/RoleTags'
import { greeting } from '@/logic/format'
import { workbenchFor } from '@/logic/membership'
import { ROUTES, withQuery } from '@/routes'
import {
  committeeLines,
  meetingLine,
  meetingUrl,
  residentLines,
  totalWaiting,
  type WaitingLine,
} from './waiting'

const go = (url: string) => void Taro.navigateTo({ url })
const open = (l: WaitingLine) => (l.tab ? void Taro.switchTab({ url: l.url }) : go(l.url))

/**
 * A village's first page: what needs the person, first as a resident (new notices, meetings they
 * are called to, answers to rate, requests returned to them), then the three things residents do
 * most, then for the 两委 or the supervision committee every queue with its count.
 */
export function VillageHomeView({
  me,
  membership,
  summary,
  entries,
}: {
  me: Me
  membership: Membership
  summary: HomeSummary
  /** messages, verifications, switching village: the links every home ends with */
  entries: React.ReactNode
}) {
  const villageId = summary.org.id
  const mine = residentLines(summary.mine, villageId)
  const bench = workbenchFor({ orgKind: membership.orgKind, roles: summary.roles })
  const queues = summary.waiting
    ? committeeLines(summary.waiting, villageId, { committee: bench.handleGrievances })
    : []
  return (
    <>
      <View className="home__banner">
        <Text className="home__village">{summary.org.name}</Text>
        {summary.org.parentName ? <Text className="home__township">{summary.org.parentName}</Text> : null}
        <Text className="home__greeting home__greeting--light">
          {greeting()}，{me.displayName}
        </Text>
        <RoleTags roles={summary.roles} />
      </View>

      <View className="xl-group home__links home__mine">
        <View className="home__section-title">
          {mine.length + summary.mine.meetings.length > 0 ? '需要您关注' : '没有需要您办的事'}
        </View>
        {mine.map((l) => (
          <Cell
            key={l.key}
            className={`home__line home__line--${l.key}`}
            title={l.title}
            extra={<Text className="home__unread">{l.text}</Text>}
            clickable
            onClick={() => open(l)}
          />
        ))}
        {summary.mine.meetings.map((m) => (
          <Cell
            key={m.meetingId}
            className="home__line home__line--meeting"
            title={`开会：${m.title}`}
            description={meetingLine(m)}
            clickable
            onClick={() => go(meetingUrl(m, villageId))}
          />
        ))}
      </View>

      <View className="home__shortcuts">
        <View
          className="home__shortcut home__shortcut--main"
          onClick={() => go(withQuery(ROUTES.grievanceRaise, { villageId }))}
        >
          <Text className="home__shortcut-title">我要说事</Text>
          <Text className="home__shortcut-text">有问题、有建议，跟村里说</Text>
        </View>
        <View className="home__shortcut-row">
          <View
            className="home__shortcut"
            onClick={() => go(withQuery(ROUTES.certificateCatalogue, { villageId }))}
          >
            <Text className="home__shortcut-title">开证明</Text>
          </View>
          <View className="home__shortcut" onClick={() => void Taro.switchTab({ url: ROUTES.public })}>
            <Text className="home__shortcut-title">公开栏</Text>
          </View>
        </View>
        <View className="home__shortcut-row">
          <View className="home__shortcut" onClick={() => go(withQuery(ROUTES.grievanceMine, { villageId }))}>
            <Text className="home__shortcut-title">我的说事</Text>
          </View>
          <View className="home__shortcut" onClick={() => go(withQuery(ROUTES.grievanceWall, { villageId }))}>
            <Text className="home__shortcut-title">说事墙</Text>
          </View>
        </View>
      </View>

      {queues.length > 0 ? (
        <View className="xl-group home__links home__bench">
          <View className="home__section-title">{`工作台 · 共 ${totalWaiting(queues)} 件待办`}</View>
          {queues.map((l) => (
            <Cell
              key={l.key}
              className={`home__line home__line--${l.key}`}
              title={l.title}
              extra={l.count > 0 ? <Text className="home__unread">{l.text}</Text> : l.text}
              clickable
              onClick={() => open(l)}
            />
          ))}
        </View>
      ) : null}
      {entries}
    </>
  )
}
