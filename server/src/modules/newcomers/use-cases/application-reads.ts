import { Injectable } from '@nestjs/common'
import type { NewcomerApplicationView, NewcomerState } from '@xiangli/shared'
import { FilesService } from '../../../core/files/files.service'
import { OrgsService } from '../../orgs/orgs.service'
import type { NewcomerApplication } from '../entities/newcomer-application.entity'
import { presentApplication } from '../newcomers.presenter'
import { NewcomersRepository } from '../newcomers.repository'
import { QUEUE_SHOWN } from '../newcomers.rules'

/** Reading applications: one's own, and the 两委's queue of their village. */
@Injectable()
export class ApplicationReads {
  constructor(
    private readonly repo: NewcomersRepository,
    private readonly orgs: OrgsService,
    private readonly files: FilesService,
  ) {}

  async mine(accountId: number, take: number): Promise<NewcomerApplicationView[]> {
    return this.views(await this.repo.mine(accountId, take))
  }

  async queue(villageId: number, state: NewcomerState | undefined): Promise<NewcomerApplicationView[]> {
    return this.views(await this.repo.ofVillage(villageId, state, QUEUE_SHOWN))
  }

  async views(rows: NewcomerApplication[]): Promise<NewcomerApplicationView[]> {
    const names = await this.orgs.names([...new Set(rows.map((r) => r.villageId))])
    return rows.map((r) =>
      presentApplication(r, names.get(r.villageId) ?? '', (id) => this.files.signedUrl(id)),
    )
  }
}
