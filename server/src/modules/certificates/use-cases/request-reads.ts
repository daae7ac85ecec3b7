import { Inject, Injectable, type OnModuleInit } from '@nestjs/common'
import {
  certificateCheckPageUrl,
  type CertificateQueueQuery,
  type CertificateRequestView,
  type Page,
} from '@xiangli/shared'
import { OrgDirectory } from '../../../core/access/org-directory'
import { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { APP_CONFIG, type AppConfig } from '../../../core/config/config'
import { FilesService } from '../../../core/files/files.service'
import { canFollow, mustFollow } from '../certificates.policy'
import { presentRequest } from '../certificates.presenter'
import { CertificatesRepository } from '../certificates.repository'
import { ATTACHED_TYPE } from '../certificates.rules'
import { AppException } from '../../../core/errors/app.exception'
import type { CertificateRequest } from '../entities/certificate-request.entity'
import { RequestSteps } from './request-steps'

type Paging = { page: number; pageSize: number }

/** Reading requests: one's own, the committee's queue, one request as its viewer may see it. */
@Injectable()
export class CertificateReads implements OnModuleInit {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly steps: RequestSteps,
    private readonly files: FilesService,
    private readonly orgs: OrgDirectory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // materials are seen by those who follow the request: the applicant and the village's overseers
    this.files.registerAccess(ATTACHED_TYPE, async (p, file) => {
      const r = await this.repo.findById(file.attachedId ?? 0)
      return r !== null && canFollow(new Viewer(p, this.orgs), r)
    })
  }

  async mine(v: Viewer, villageId: number, q: Paging): Promise<Page<CertificateRequestView>> {
    const [rows, total] = await this.repo.mine(
      villageId,
      { accountId: v.accountId, residentId: v.residentIdIn(villageId) },
      q,
    )
    return { items: rows.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize }
  }

  async queue(villageId: number, q: CertificateQueueQuery): Promise<Page<CertificateRequestView>> {
    const [rows, total] = await this.repo.queue(
      villageId,
      {
        state: q.status,
        overdue: q.overdue === undefined ? undefined : { value: q.overdue, now: this.clock.now() },
      },
      q,
    )
    return { items: rows.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize }
  }

  async detail(v: Viewer, villageId: number, id: number): Promise<CertificateRequestView> {
    return this.view(await this.visible(v, villageId, id))
  }

  /** A request of this village the viewer may follow; anything else is NOT_FOUND, revealing nothing. */
  async visible(v: Viewer, villageId: number, id: number): Promise<CertificateRequest> {
    const r = await this.repo.find(villageId, id)
    if (!r) throw new AppException('NOT_FOUND')
    mustFollow(v, r)
    return r
  }

  /** The link printed in the QR code: the public check page with the number and the code. */
  verificationUrl(number: string, code: string): string {
    return certificateCheckPageUrl(this.config.publicBaseUrl, number, code)
  }

  view(r: CertificateRequest): CertificateRequestView {
    return presentRequest(r, {
      fields: this.steps.fieldsOf(r),
      urlOf: (id) => this.files.signedUrl(id),
      verificationUrl: (n, c) => this.verificationUrl(n, c),
      now: this.clock.now(),
    })
  }
}
