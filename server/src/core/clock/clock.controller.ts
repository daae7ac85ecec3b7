import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common'
import { z } from 'zod'
import { Access } from '../auth/access.decorator'
import { zod } from '../http/zod.pipe'
import { Clock } from './clock'

const advanceSchema = z.object({
  /** how long to let pass, at most a year at a time */
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(366 * 86_400_000),
})

/**
 * Present only on a server started with TEST_CLOCK=true (never in production): the browser tests
 * let the ten days before a villagers' meeting pass the way the integration tests do in process.
 */
@Controller('api/test/clock')
export class ClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  @Access.admin()
  read() {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset }
  }

  @Post()
  @HttpCode(200)
  @Access.admin()
  advance(@Body(zod(advanceSchema)) body: z.infer<typeof advanceSchema>) {
    this.clock.advance(body.advanceMs)
    return this.read()
  }
}
