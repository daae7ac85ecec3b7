import { PageRoot } from '@/components/PageRoot'
import { GuideText } from './GuideText'
import './privacy.scss'

/** 用户隐私保护指引: readable by anyone, before or after logging in. */
export function PrivacyPage() {
  return (
    <PageRoot className="privacy">
      <GuideText />
    </PageRoot>
  )
}
