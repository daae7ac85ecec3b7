import { Injectable } from '@nestjs/common'
import {
  PRIVACY_GUIDE,
  beijingDate,
  certificateCheckQuerySchema,
  pageRoutes,
  type QueryOf,
} from '@xiangli/shared'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { CertificatesService } from '../../certificates/certificates.service'
import { NoticesService } from '../../notices/notices.service'
import { OrgsService } from '../../orgs/orgs.service'
import { boardHtml, checkHtml, noticeHtml, privacyHtml } from '../public-pages.presenter'

/** How an answer may be kept: revalidated each time (with its ETag), or never stored. */
export type PageCaching = 'revalidate' | 'no-store'

/** A rendered page and how it may be cached. */
export interface RenderedPage {
  html: string
  caching: PageCaching
}

/** the 公开栏's page size: thirty titles with their excerpts stay well under 30 KB */
export const BOARD_PAGE_SIZE = 30

/**
 * The public pages, read through the notices', certificates' and orgs' own services (no queries of
 * this module's own): what anyone may see, as plain HTML. Whatever is not there, not published or
 * not a village is NOT_FOUND, which the controller's filter answers with a plain 404 page.
 */
@Injectable()
export class PublicPages {
  constructor(
    private readonly notices: NoticesService,
    private readonly certificates: CertificatesService,
    private readonly orgs: OrgsService,
    private readonly clock: Clock,
  ) {}

  /** The 用户隐私保护指引 (the app shows the same text). */
  privacy(): RenderedPage {
    return { html: privacyHtml(PRIVACY_GUIDE), caching: 'revalidate' }
  }

  /** A published notice, the latest version; a corrected one says so. Revalidated on each visit: a correction shows at once. */
  async notice(id: number): Promise<RenderedPage> {
    const view = await this.notices.publicView(id)
    return { html: noticeHtml(view, this.today()), caching: 'revalidate' }
  }

  /** A page of the village's 公开栏: the notices meant for the whole village. */
  async board(villageId: number, q: QueryOf<typeof pageRoutes.board>): Promise<RenderedPage> {
    const village = await this.orgs.village(villageId).catch((e: unknown) => {
      // a township, or no organisation at all: no 公开栏 here
      if (e instanceof AppException && e.status < 500) throw new AppException('NOT_FOUND')
      throw e
    })
    const list = await this.notices.publicBoard(village.id, { page: q.page, pageSize: BOARD_PAGE_SIZE })
    return {
      html: boardHtml({ id: village.id, name: village.name }, list, this.today()),
      caching: 'revalidate',
    }
  }

  /**
   * The certificate check the QR code opens: with a number and a code, the verdict (the same check as
   * the app's); with either missing, the form, saying what is missing when one was given.
   */
  async certificateCheck(q: QueryOf<typeof pageRoutes.certificateCheck>): Promise<RenderedPage> {
    if (!q.n && !q.c) return { html: checkHtml(q, null, null), caching: 'no-store' }
    const parsed = certificateCheckQuerySchema.safeParse({ n: q.n ?? '', c: q.c ?? '' })
    if (!parsed.success)
      return { html: checkHtml(q, null, parsed.error.issues[0]?.message ?? null), caching: 'no-store' }
    // the answer changes when the certificate is revoked, and names its holder (masked): never kept
    return { html: checkHtml(q, await this.certificates.check(parsed.data), null), caching: 'no-store' }
  }

  private today(): string {
    return beijingDate(this.clock.now())
  }
}
