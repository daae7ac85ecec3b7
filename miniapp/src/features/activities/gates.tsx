import type { ReactElement } from 'react'
import { COMMITTEE_ROLES, AUTH_ERRORS } from '@xiangli/shared'
import type { ApiError } from '@/api/core'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView } from '@/components/States'
import { residentGate, type ResidentVillage } from '@/hooks/useResidentVillage'
import { hasAnyRole } from '@/logic/membership'

/**
 * A page that could not load: a refusal (not on the roster, not one of the 两委) is said plainly, as
 * retrying will not change it; anything else offers to try again.
 */
export function Failed({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  const status = error?.status ?? 0
  return (
    <PageRoot className="activity">
      {error && status >= 400 && status < 500 && status !== 408 && status !== 429 ? (
        <EmptyView title="不能查看" description={error.message} />
      ) : (
        <ErrorView error={error} onRetry={onRetry} />
      )}
    </PageRoot>
  )
}

/** The organiser's pages are for the 两委 of the village; anyone else is told so, with nothing to tap. */
export function organiserGate(ctx: ResidentVillage, what: string): ReactElement | null {
  const gate = residentGate(ctx, what)
  if (gate) return gate
  if (!ctx.membership || !hasAnyRole(ctx.membership.roles, COMMITTEE_ROLES))
    return <EmptyView title="不能使用这项功能" description={AUTH_ERRORS.FORBIDDEN.message} />
  return null
}
