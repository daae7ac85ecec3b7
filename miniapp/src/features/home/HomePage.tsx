import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import {
  ORG_KIND_LABELS,
  VERIFICATION_STATE_LABELS,
  isSelfGoverningUnit,
  type HomeSummary,
  type Me,
  type Membership,
  grievanceRoutes,
  homeRoutes,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { ElderModeEntry } from '@/components/ElderModeEntry'
import { PageRoot } from '@/components/PageRoot'
import { RoleTags } from '@/components/RoleTags'
import { ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { useUnreadBadge } from '@/features/inbox/useUnread'
import { GuideConsent } from '@/features/privacy/GuideConsent'
import { useGuideConsent } from '@/features/privacy/useGuideConsent'
import { formatTime, greeting } from '@/logic/format'
import { latestVerification, townshipOf, workbenchFor } from '@/logic/membership'
import { ROUTES, withQuery } from '@/routes'
import { useMe } from '@/store/session'
import { isLoggedIn } from '@/store/tokens'
import './HomePage.scss'

const go = (url: string) => void Taro.navigateTo({ url })

export function HomePage() {
  const { loggedIn, me, active, error, reload } = useMe()
  useUnreadBadge()
  const consent = useGuideConsent(loggedIn)
  const village = active && isSelfGoverningUnit(active.orgKind) ? active : null
  const home = useResource(
    village
      ? () => call(homeRoutes.summary, { params: { villageId: village.orgId } }, { toast: false })
      : null,
    [village?.orgId],
  )
  // for the 两委: how many issues wait to be accepted (说事处理)
  const handles = village !== null && workbenchFor(village).handleGrievances
  const waiting = useResource(
    village && handles
      ? () =>
          call(
            grievanceRoutes.queue,
            { params: { villageId: village.orgId }, query: { status: 'submitted', page: 1, pageSize: 1 } },
            { toast: false },
          ).then((p) => p.total)
      : null,
    [village?.orgId, handles],
  )

  useDidShow(() => {
    if (!isLoggedIn()) void Taro.reLaunch({ url: ROUTES.login })
  })
  useReshow(() => {
    if (village) void home.reload()
    if (handles) void waiting.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([reload(), home.reload(), waiting.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  let body
  if (!loggedIn) body = <LoadingView text="正在打开登录页…" />
  else if (!me) body = error ? <ErrorView error={error} onRetry={() => void reload()} /> : <LoadingView />
  else if (me.memberships.length === 0) body = <NotVerified me={me} />
  else if (!village) body = <OfficeHome me={me} membership={active!} />
  else if (home.data && home.data.org.id === village.orgId)
    body = <VillageHome me={me} membership={village} summary={home.data} waiting={waiting.data} />
  else if (home.error) body = <ErrorView error={home.error} onRetry={() => void home.reload()} />
  else body = <LoadingView />

  return (
    <PageRoot className="home">
      <ElderModeEntry />
      {consent.asking ? (
        <GuideConsent onAgreed={consent.agreed} onDeclined={() => void consent.declined()} />
      ) : null}
      {body}
    </PageRoot>
  )
}

/** Logged in but not linked to any village yet: say what that means and what to do. */
function NotVerified({ me }: { me: Me }) {
  const latest = latestVerification(me)
  return (
    <>
      <View className="home__hello">
        <Text className="home__greeting">
          {greeting()}，{me.displayName}
        </Text>
      </View>
      <View className="xl-card">
        <View className="xl-card__title">您还没有实名认证</View>
        <View className="xl-card__text">
          认证前只能查看公开信息。实名认证后，才能参与本村（社区）的事务。
        </View>
        {latest?.state === 'pending' ? (
          <View className="home__status">
            {`您在“${latest.villageName}”的认证申请${VERIFICATION_STATE_LABELS.pending}（${formatTime(latest.createdAt)} 提交）。下拉可以刷新。`}
          </View>
        ) : null}
        {latest?.state === 'rejected' ? (
          <View className="home__status home__status--bad">
            上次的认证申请{VERIFICATION_STATE_LABELS.rejected}
            {latest.reason ? `：${latest.reason}` : '。'}
          </View>
        ) : null}
        <View className="xl-actions">
          <Button type="primary" size="large" onClick={() => go(ROUTES.verify)}>
            {latest?.state === 'pending'
              ? '查看认证进度'
              : latest?.state === 'rejected'
                ? '重新认证'
                : '去实名认证'}
          </Button>
        </View>
      </View>
      <View className="xl-group home__links">
        <Cell title="看看公开信息" clickable onClick={() => void Taro.switchTab({ url: ROUTES.public })} />
      </View>
    </>
  )
}

/** A township or county post: no village home to show; say where the person works. */
function OfficeHome({ me, membership }: { me: Me; membership: Membership }) {
  return (
    <>
      <View className="home__hello">
        <Text className="home__greeting">
          {greeting()}，{me.displayName}
        </Text>
      </View>
      <View className="xl-card">
        <View className="xl-card__title">{membership.orgName}</View>
        <View className="xl-card__text">
          {ORG_KIND_LABELS[membership.orgKind]}
          {membership.parentName ? ` · ${membership.parentName}` : ''}
        </View>
        <RoleTags roles={membership.roles} />
      </View>
      {townshipOf(membership) !== null ? (
        <View className="xl-group home__links">
          <Cell
            title="村民说事督办"
            description="各村上报和超时的事"
            clickable
            onClick={() => go(withQuery(ROUTES.townshipGrievances, { townshipId: membership.orgId }))}
          />
        </View>
      ) : null}
      <Entries me={me} unread={null} pending={null} membership={membership} />
    </>
  )
}

function VillageHome({
  me,
  membership,
  summary,
  waiting,
}: {
  me: Me
  membership: Membership
  summary: HomeSummary
  /** issues waiting to be accepted, for the 两委; null for everyone else or while loading */
  waiting: number | null
}) {
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
      <View className="home__stats">
        <View className="home__stat">
          <Text className="home__stat-number">{summary.householdCount}</Text>
          <Text className="home__stat-label">户</Text>
        </View>
        <View className="home__stat">
          <Text className="home__stat-number">{summary.residentCount}</Text>
          <Text className="home__stat-label">人</Text>
        </View>
      </View>
      <GrievanceShortcuts membership={membership} waiting={waiting} />
      <Entries
        me={me}
        unread={summary.unread}
        pending={
          workbenchFor({ orgKind: membership.orgKind, roles: summary.roles }).reviewVerifications
            ? summary.pendingVerifications
            : null
        }
        membership={membership}
      />
    </>
  )
}

function Entries({
  me,
  unread,
  pending,
  membership,
}: {
  me: Me
  unread: number | null
  pending: number | null
  membership: Membership
}) {
  return (
    <View className="xl-group home__links">
      <Cell
        title="消息"
        extra={
          unread === null ? (
            ''
          ) : unread > 0 ? (
            <Text className="home__unread">{unread} 条未读</Text>
          ) : (
            '没有新消息'
          )
        }
        clickable
        onClick={() => go(ROUTES.inbox)}
      />
      {pending !== null ? (
        <Cell
          title="待确认的认证"
          extra={pending > 0 ? <Text className="home__unread">{pending} 条</Text> : '暂无'}
          clickable
          onClick={() => go(withQuery(ROUTES.committeeVerifications, { villageId: membership.orgId }))}
        />
      ) : null}
      {me.memberships.length > 1 ? (
        <Cell title="切换村（社区）" extra={membership.orgName} clickable onClick={() => go(ROUTES.switch)} />
      ) : null}
    </View>
  )
}

/** 村民说事 on the first screen: the most used thing in the app gets the biggest buttons. */
function GrievanceShortcuts({ membership, waiting }: { membership: Membership; waiting: number | null }) {
  const q = { villageId: membership.orgId }
  const bench = workbenchFor(membership)
  return (
    <View className="home__shortcuts">
      <View
        className="home__shortcut home__shortcut--main"
        onClick={() => go(withQuery(ROUTES.grievanceRaise, q))}
      >
        <Text className="home__shortcut-title">我要说事</Text>
        <Text className="home__shortcut-text">有问题、有建议，跟村里说</Text>
      </View>
      <View className="home__shortcut-row">
        <View className="home__shortcut" onClick={() => go(withQuery(ROUTES.grievanceMine, q))}>
          <Text className="home__shortcut-title">我的说事</Text>
        </View>
        <View className="home__shortcut" onClick={() => go(withQuery(ROUTES.grievanceWall, q))}>
          <Text className="home__shortcut-title">说事墙</Text>
        </View>
      </View>
      {bench.handleGrievances ? (
        <View className="xl-group home__links">
          <Cell
            title="说事处理"
            extra={
              waiting === null ? (
                ''
              ) : waiting > 0 ? (
                <Text className="home__unread">{waiting} 件待受理</Text>
              ) : (
                '暂无待受理'
              )
            }
            clickable
            onClick={() => go(withQuery(ROUTES.committeeGrievances, q))}
          />
        </View>
      ) : null}
      {bench.answerAssigned && !bench.handleGrievances ? (
        // the first line (网格员, 村民小组长): what the 两委 handed them, and their grid
        <View className="xl-group home__links">
          <Cell title="交我办理" clickable onClick={() => go(withQuery(ROUTES.gridAssigned, q))} />
          {bench.myGrid ? (
            <Cell title="我的网格" clickable onClick={() => go(withQuery(ROUTES.gridMine, q))} />
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
