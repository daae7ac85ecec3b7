import { Injectable } from '@nestjs/common'
import type { z } from 'zod'
import {
  isServiceOverdue,
  type serviceQueueQuerySchema,
  type ServiceRequestSummary,
  type ServiceRequestView,
} from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { FilesService } from '../../../core/files/files.service'
import { isOwner, isServiceStaff, mustRead } from '../convenience-services.policy'
import { presentRequest, presentSummary } from '../convenience-services.presenter'
import { ConvenienceServicesRepository } from '../convenience-services.repository'

type Queue = z.output<typeof serviceQueueQuerySchema>

/** 我的办事, the desk's queue and one request with its timeline. */
@Injectable()
export class RequestReads {
  constructor(
    private readonly repo: ConvenienceServicesRepository,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {}

  async mine(v: Viewer, villageId: number): Promise<ServiceRequestSummary[]> {
    const residentId = v.residentIdIn(villageId)
    if (residentId === null) throw new AppException('NOT_VERIFIED')
    const now = this.clock.now()
    return (await this.repo.ofResident(villageId, residentId)).map((r) => presentSummary(r, now))
  }

  /** Overdue ones first, then newest. */
  async queue(villageId: number, q: Queue): Promise<ServiceRequestSummary[]> {
    const now = this.clock.now()
    const rows = await this.repo.queue(villageId, q.state)
    return rows
      .filter((r) => !q.overdue || isServiceOverdue(r, now))
      .map((r) => presentSummary(r, now))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.id - a.id)
  }

  async detail(v: Viewer, villageId: number, id: number): Promise<ServiceRequestView> {
    const r = await this.repo.find(villageId, id)
    if (!r) throw new AppException('SERVICE_REQUEST_NOT_FOUND')
    mustRead(v, r)
    return presentRequest(r, await this.repo.steps(r.id), {
      now: this.clock.now(),
      staff: isServiceStaff(v, villageId),
      owner: isOwner(v, r),
      urlOf: (fileId) => this.files.signedUrl(fileId),
    })
  }
}
