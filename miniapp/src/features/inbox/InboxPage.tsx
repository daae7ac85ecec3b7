import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { inboxRoutes, type NotificationView } from '@xiangli/shared'
import { call } from '@/api/request'
import { LoginPrompt } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { usePagedList } from '@/hooks/usePagedList'
import { refreshUnread, setUnread, unreadStore } from './useUnread'
import { formatTime } from '@/logic/format'
import { isTabRoute, normalizeLink } from '@/routes'
import { isLoggedIn } from '@/store/tokens'
import './InboxPage.scss'

const PAGE_SIZE = 20

function open(link: string) {
  const url = normalizeLink(link)
  void (isTabRoute(url) ? Taro.switchTab({ url: url.split('?')[0]! }) : Taro.navigateTo({ url })).catch(() =>
    Taro.showToast({ title: '这条消息的内容暂时打不开', icon: 'none' }),
  )
}

export function InboxPage() {
  const loggedIn = isLoggedIn()
  const list = usePagedList<NotificationView>(
    loggedIn
      ? (page) => call(inboxRoutes.list, { query: { page, pageSize: PAGE_SIZE } }, { toast: false })
      : null,
    (n) => n.id,
    [loggedIn],
  )
  const [markingAll, setMarkingAll] = useState(false)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())

  async function tap(n: NotificationView) {
    if (!n.read) {
      list.update((items) => items.map((i) => (i.id === n.id ? { ...i, read: true } : i)))
      setUnread(unreadStore.get() - 1)
      // Best effort: a failed mark only leaves the dot for next time.
      void call(inboxRoutes.read, { params: { id: n.id } }, { toast: false }).catch(() => undefined)
    }
    if (n.link) open(n.link)
    else setExpanded((s) => new Set(s).add(n.id))
  }

  async function readAll() {
    setMarkingAll(true)
    try {
      await call(inboxRoutes.readAll, {})
      list.update((items) => items.map((i) => ({ ...i, read: true })))
      setUnread(0)
    } catch {
      // the request layer has said what went wrong
    } finally {
      setMarkingAll(false)
      void refreshUnread()
    }
  }

  if (!loggedIn)
    return (
      <PageRoot>
        <LoginPrompt what="查看消息" />
      </PageRoot>
    )

  const body = (
    <PagedList
      list={list}
      empty={<EmptyView title="暂无消息" description="村里发给您的消息会显示在这里。" />}
    >
      {(n) => (
        <View
          key={n.id}
          className={`xl-card xl-tap inbox__item${n.read ? '' : ' inbox__item--unread'}`}
          onClick={() => void tap(n)}
        >
          <View className="inbox__head">
            {n.read ? null : <View className="inbox__dot" />}
            <Text className="inbox__title">{n.title}</Text>
          </View>
          <View className={expanded.has(n.id) ? 'inbox__body' : 'inbox__body inbox__body--short'}>
            {n.body}
          </View>
          <View className="inbox__foot">
            <Text>{formatTime(n.createdAt)}</Text>
            {n.link ? <Text className="inbox__more">查看详情 ›</Text> : null}
          </View>
        </View>
      )}
    </PagedList>
  )

  const anyUnread = list.items.some((n) => !n.read)
  return (
    <PageRoot className="inbox">
      {list.items.length > 0 ? (
        <View className="inbox__bar">
          <Text className="xl-muted">共 {list.total} 条</Text>
          <Button
            size="small"
            disabled={!anyUnread || markingAll}
            loading={markingAll}
            onClick={() => void readAll()}
          >
            全部已读
          </Button>
        </View>
      ) : null}
      {body}
    </PageRoot>
  )
}
