import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import {
  ORG_KIND_LABELS,
  VERIFICATION_STATE_LABELS,
  isSelfGoverningUnit,
  type Me,
  type Membership,
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
import { VillageHomeView } from './VillageHomeView'
import { takeEarlyHome } from './earlyHome'
import { showNoticeBadge } from '@/features/notices/noticeBadge'
import './HomePage.scss'

const go = (url: string) => void Taro.navigateTo({ url })

export function HomePage() {
  const { loggedIn, me, active, error, reload } = useMe()
  useUnreadBadge()
  const consent = useGuideConsent(loggedIn)
  const village = active && isSelfGoverningUnit(active.orgKind) ? active : null
  const home = useResource(
    village
      ? () =>
          takeEarlyHome(village.orgId, () =>
            call(homeRoutes.summary, { params: { villageId: village.orgId } }, { toast: false }),
          )
      : null,
    [village?.orgId],
  )
  // the 公开 tab's badge follows the home's count of notices not yet seen
  useEffect(() => {
    if (home.data) showNoticeBadge(home.data.mine.newNotices)
  }, [home.data])

  useDidShow(() => {
    if (!isLoggedIn()) void Taro.reLaunch({ url: ROUTES.login })
  })
  useReshow(() => {
    if (village) void home.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([reload(), home.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  let body
  if (!loggedIn) body = <LoadingView text="正在打开登录页…" />
  else if (!me) body = error ? <ErrorView error={error} onRetry={() => void reload()} /> : <LoadingView />
  else if (me.memberships.length === 0) body = <NotVerified me={me} />
  else if (!village) body = <OfficeHome me={me} membership={active!} />
  else if (home.data && home.data.org.id === village.orgId)
    body = (
      <VillageHomeView
        me={me}
        membership={village}
        summary={home.data}
        entries={
          <Entries
            me={me}
            unread={home.data.unread}
            pending={
              workbenchFor({ orgKind: village.orgKind, roles: home.data.roles }).reviewVerifications
                ? home.data.pendingVerifications
                : null
            }
            membership={village}
          />
        }
      />
    )
  else if (home.error) body = <ErrorView error={home.error} onRetry={() => void home.reload()} />
  else body = <LoadingView />

  return (
    <PageRoot className="home">
      {consent.asking ? (
        // a new version of the guide takes the whole page until it is answered
        <GuideConsent onAgreed={consent.agreed} onDeclined={() => void consent.declined()} />
      ) : (
        <>
          <ElderModeEntry />
          {body}
        </>
      )}
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
            title="乡镇看板"
            description="各村超时、满意度、公开、证明和待办，一屏看全"
            clickable
            onClick={() => go(withQuery(ROUTES.townshipDashboard, { townshipId: membership.orgId }))}
          />
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
