import { Inject, Injectable } from '@nestjs/common'
import type { TownshipDashboard } from '@xiangli/shared'
import type { TownshipContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { CertificatesService } from '../../certificates/certificates.service'
import { DeliberationsService } from '../../deliberations/deliberations.service'
import { GrievancesService } from '../../grievances/grievances.service'
import { NoticesService } from '../../notices/notices.service'
import { OrgsService } from '../../orgs/orgs.service'
import { presentDashboard } from '../home.presenter'

const DAY = 86_400_000
/** 村务公开: general items at least quarterly */
const QUARTER_DAYS = 90

/**
 * The township's one screen over its villages, each figure one GROUP BY over its villages on an
 * indexed column: the cost grows with the number of villages, never with the rows behind them.
 */
@Injectable()
export class TownshipDashboardUseCase {
  constructor(
    private readonly orgs: OrgsService,
    private readonly grievances: GrievancesService,
    private readonly certificates: CertificatesService,
    private readonly notices: NoticesService,
    private readonly deliberations: DeliberationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dashboard(t: TownshipContext): Promise<TownshipDashboard> {
    const now = this.clock.now()
    const villages = await this.orgs.villagesOf(t.townshipId)
    const ids = villages.map((v) => v.id)
    const conveneDays = this.config.PETITION_CONVENE_DAYS
    const thisYear = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now),
    )
    const years = [thisYear - 2, thisYear - 1, thisYear]
    return presentDashboard(t.townshipId, conveneDays, villages, years, {
      grievances: await this.grievances.countsByVillage(ids, now),
      notices: await this.notices.townshipFigures(ids, new Date(now.getTime() - QUARTER_DAYS * DAY), now),
      deliberations: await this.deliberations.townshipFigures(
        ids,
        new Date(now.getTime() - conveneDays * DAY),
      ),
      certificates: await this.certificates.issuedByYear(ids, years),
    })
  }
}
