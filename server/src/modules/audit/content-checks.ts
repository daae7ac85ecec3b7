import { Injectable, type OnModuleInit } from '@nestjs/common'
import { AuditService, type ContentCheck } from '../../core/audit/audit.service'
import { reviewSealsCheck } from '../cadre-reviews/review-seal'
import { certificatesCheck } from '../certificates/certificate-integrity'
import { meetingSealsCheck } from '../deliberations/meeting-seal'
import { noticesCheck } from '../notices/notice-integrity'
import { pointsCheck } from '../points/points-integrity'
import { villageRulesCheck } from '../village-rules/rules-integrity'

/**
 * Every record the chain vouches for by digest, checked after the chain itself: published notices
 * (versions and the live rows residents read), closed meetings (check-ins, turnout, ballots and the
 * result), certificates (issued, revoked, and the seal-use register) and the points ledger. One list, run by the server
 * (a run started with POST /api/audit/verify-runs) and the command line (pnpm --filter server audit:verify) alike.
 */
export const CONTENT_CHECKS: readonly (readonly [string, ContentCheck])[] = [
  ['notices', noticesCheck],
  ['meetings', meetingSealsCheck],
  ['certificates', certificatesCheck],
  ['village-rules', villageRulesCheck],
  ['cadre reviews', reviewSealsCheck],
  ['points', pointsCheck],
]

export function registerContentChecks(audit: AuditService): void {
  for (const [name, check] of CONTENT_CHECKS) audit.registerContentCheck(name, check)
}

@Injectable()
export class ContentChecks implements OnModuleInit {
  constructor(private readonly audit: AuditService) {}

  onModuleInit(): void {
    registerContentChecks(this.audit)
  }
}
