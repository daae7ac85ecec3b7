import type { ReactElement } from 'react'
import { AUTH_ERRORS } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { EmptyView } from '@/components/States'
import { noticeBench, type NoticeBench } from './notice'
import type { CommitteeVillage } from '@/features/committee/useCommitteeVillage'

/** 村务公开 pages of the workbench: the 两委 manage, the supervision committee reviews and reads. */
export function noticeGate(
  ctx: CommitteeVillage,
  needs: keyof NoticeBench | 'any',
  what: string,
): ReactElement | null {
  const who = meGate(ctx, what)
  if (who) return who
  const bench = noticeBench(ctx.membership)
  const allowed = needs === 'any' ? bench.manage || bench.supervise : bench[needs]
  if (ctx.villageId === null || !allowed)
    return <EmptyView title="不能使用这项功能" description={AUTH_ERRORS.FORBIDDEN.message} />
  return null
}
