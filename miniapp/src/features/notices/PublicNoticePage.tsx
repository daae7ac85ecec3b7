import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { noticeRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { NoticeArticle } from './NoticeContent'
import { VersionHistory } from './VersionHistory'
import { useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import { isLoggedIn } from '@/store/tokens'
import './PublicNoticePage.scss'

/**
 * 公示 as anyone sees it from a shared link or the QR code on the notice board, without logging in:
 * the current version, every earlier version with the reason it was corrected and its fingerprint,
 * the supervision committee's opinion. No resident's name appears here.
 */
export function PublicNoticePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  // a public route: called without a token, so a shared link opens before anyone logs in
  const notice = useResource(
    id !== null ? () => call(noticeRoutes.publicRead, { params: { id } }, { toast: false }) : null,
    [id],
  )

  useShareAppMessage(() => ({
    title: notice.data ? `${notice.data.villageName}：${notice.data.title}` : '村务公开',
    path: withQuery(ROUTES.noticePublic, { id: id ?? 0 }),
  }))

  if (id === null)
    return (
      <PageRoot>
        <EmptyView title="链接不完整" description="这个链接少了公告的编号，请向发链接的人重新要一个。" />
      </PageRoot>
    )
  if (!notice.data)
    return (
      <PageRoot>
        <Pending resource={notice} />
      </PageRoot>
    )

  const n = notice.data
  const current = [...n.versions].sort((a, b) => b.version - a.version)[0]
  if (!current)
    return (
      <PageRoot>
        <EmptyView title="这条公开还没有发布" />
      </PageRoot>
    )

  return (
    <PageRoot className="notice-public">
      <NoticeArticle notice={n} shown={current} />
      {n.objectionCount > 0 ? (
        <View className="xl-card xl-muted">公示期内村民提出异议 {n.objectionCount} 件。</View>
      ) : null}
      <VersionHistory versions={n.versions} category={n.category} />
      <View
        className="notice-public__login xl-tap xl-tap--line"
        onClick={() =>
          void Taro.navigateTo({
            url: isLoggedIn() ? withQuery(ROUTES.noticeDetail, { id: n.id }) : ROUTES.login,
          })
        }
      >
        {isLoggedIn() ? '在乡里中打开（可确认已阅、提出异议）' : '本村村民登录后可确认已阅、提出异议'}
      </View>
    </PageRoot>
  )
}
