import { Controller } from '@nestjs/common'
import { testClockRoutes as R, type HandlerArgs, type TestClockView } from '@xiangli/shared'
import { Handle, In } from '../http/route'
import { Clock } from './clock'

/**
 * Present only on a server started with TEST_CLOCK=true (never in production): the browser tests
 * let the ten days before a villagers' meeting pass the way the integration tests do in process.
 */
@Controller()
export class ClockController {
  constructor(private readonly clock: Clock) {}

  @Handle(R.read)
  read(): TestClockView {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset }
  }
  @Handle(R.advance)
  advance(@In() i: HandlerArgs<typeof R.advance>): TestClockView {
    this.clock.advance(i.body.advanceMs)
    return this.read()
  }
}
