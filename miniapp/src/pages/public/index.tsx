import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { useUnreadBadge } from '@/hooks/useUnread'
import './index.scss'

/** 村务公开. Notices are not built yet, so this says so plainly instead of showing made-up ones. */
export default function PublicPage() {
  useUnreadBadge()
  return (
    <PageRoot className="public">
      <EmptyView
        title="暂无公开信息"
        description="村务、党务、财务等公开内容，村（居）委会发布后会显示在这里，大家都可以看。"
      />
    </PageRoot>
  )
}
