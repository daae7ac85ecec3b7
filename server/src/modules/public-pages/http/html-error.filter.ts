import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { toErrorBody } from '../../../core/errors/error.filter'
import { errorHtml, notFoundHtml } from '../public-pages.presenter'
import { sendHtml } from './html-reply'

/**
 * The public pages' refusals as pages, not JSON: whoever opened a shared link or a QR code reads, in
 * Chinese, that the thing is not there (404) or what went wrong, never a 500 for a missing record.
 * Statuses and logging are the API's (toErrorBody), so an unexpected failure is logged the same way.
 */
@Catch()
export class HtmlErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('Error')

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp()
    const req = ctx.getRequest<FastifyRequest>()
    const reply = ctx.getResponse<FastifyReply>()
    const { status, body } = toErrorBody(exception, String(req.id), this.log)
    const page = status === 404 ? notFoundHtml() : errorHtml(body.message)
    sendHtml(req, reply, { html: page, caching: 'no-store', status })
  }
}
