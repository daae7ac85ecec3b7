import { Injectable, Logger } from '@nestjs/common'
import { beijingDate } from '@xiangli/shared'
import { AuditService, SYSTEM_ACTOR } from '../../../core/audit/audit.service'
import { Clock } from '../../../core/clock/clock'
import { TxService } from '../../../core/tx/tx.service'
import { PERIOD_ENDED_ACTION } from '../notice-records'
import { NoticesRepository } from '../notices.repository'
import { PERIOD_END_BATCH, snapshot } from '../notices.rules'

/** At the end of its publicity period a notice is archived; it stays public. */
@Injectable()
export class NoticePeriodEnd {
  private readonly log = new Logger('Notices')

  constructor(
    private readonly repo: NoticesRepository,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Archives notices whose period is over. Views derive the same from the dates, so a late or skipped
   * run changes nothing a reader sees; the update is conditional, so two runners archive a notice once.
   */
  async endExpired(now = this.clock.now()): Promise<number> {
    let ended = 0
    for (const n of await this.repo.expired(beijingDate(now), PERIOD_END_BATCH)) {
      await this.tx.run(async (m) => {
        if (!(await this.repo.endIfPublished(m, n.id))) return
        ended++
        await this.audit.append(m, {
          actor: SYSTEM_ACTOR,
          action: PERIOD_ENDED_ACTION,
          orgId: n.villageId,
          targetType: 'public_notice',
          targetId: n.id,
          after: { ...snapshot(n), state: 'ended' },
        })
      })
    }
    if (ended) this.log.log(`${ended} notice(s) archived at the end of their publicity period`)
    return ended
  }
}
