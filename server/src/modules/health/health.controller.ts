import { Controller, Get, Res } from '@nestjs/common'
import type { FastifyReply } from 'fastify'
import { DataSource } from 'typeorm'
import type { HealthResponse } from '@xiangli/shared'
import { Access } from '../../core/auth/access.decorator'

@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  /** Ready: the database answers. A load balancer takes an instance out on 503. */
  @Get()
  @Access.public()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    let up = false
    try {
      await this.ds.query('SELECT 1')
      up = true
    } catch {
      up = false
    }
    void reply.status(up ? 200 : 503)
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', time: new Date().toISOString() }
  }

  /** Alive: the process answers, nothing else is touched. Also the baseline of `pnpm bench`. */
  @Get('live')
  @Access.public()
  live() {
    return { status: 'ok' }
  }
}
