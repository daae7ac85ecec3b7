import { Controller, Res } from '@nestjs/common'
import type { FastifyReply } from 'fastify'
import { healthRoutes as R } from '@xiangli/shared'
import { Handle } from '../../../core/http/route'
import { HealthRepository } from '../health.repository'

@Controller()
export class HealthController {
  constructor(private readonly db: HealthRepository) {}

  /** Ready: the database answers. A load balancer takes an instance out on 503. */
  @Handle(R.ready)
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const up = await this.db.answers()
    void reply.status(up ? 200 : 503)
    // the machine's own time, for an operator comparing clocks; no rule reads it
    return {
      status: up ? 'ok' : 'degraded',
      database: up ? 'up' : 'down',
      time: new Date().toISOString(),
    } as const
  }

  /** Alive: the process answers, nothing else is touched. Also the baseline of `pnpm bench`. */
  @Handle(R.live)
  live() {
    return { status: 'ok' } as const
  }
}
