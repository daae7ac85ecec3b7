import { Controller, Req, Res, UseFilters } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { pageRoutes as R, type HandlerArgs } from '@xiangli/shared'
import { Handle, In } from '../../../core/http/route'
import { PublicPages } from '../use-cases/public-pages'
import { HtmlErrorFilter } from './html-error.filter'
import { sendHtml } from './html-reply'

type Args<K extends keyof typeof R> = HandlerArgs<(typeof R)[K]>

/**
 * The pages shared into WeChat groups and printed as QR codes, as plain HTML for anyone: each handler
 * sends its page itself (`@Res()`), compressed and with its caching; a refusal is a page too.
 */
@Controller()
@UseFilters(HtmlErrorFilter)
export class PublicPagesController {
  constructor(private readonly pages: PublicPages) {}

  @Handle(R.privacy)
  privacy(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendHtml(req, reply, this.pages.privacy())
  }
  @Handle(R.notice)
  async notice(@In() i: Args<'notice'>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendHtml(req, reply, await this.pages.notice(i.params.id))
  }
  @Handle(R.board)
  async board(@In() i: Args<'board'>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return sendHtml(req, reply, await this.pages.board(i.params.villageId, i.query))
  }
  @Handle(R.certificateCheck)
  async certificateCheck(
    @In() i: Args<'certificateCheck'>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return sendHtml(req, reply, await this.pages.certificateCheck(i.query))
  }
}
