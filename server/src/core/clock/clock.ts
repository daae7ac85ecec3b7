import { Injectable } from '@nestjs/common'

/**
 * The server's time. Every rule that compares with "now" (a meeting may open only at its announced
 * time, a notice's ten days, a publicity period) asks this instead of `new Date()`, so the tests can
 * let days pass without changing stored dates behind the server's back. Outside tests the offset is
 * always 0; only a server started with TEST_CLOCK=true (refused in production) lets it move.
 */
@Injectable()
export class Clock {
  private offsetMs = 0

  now(): Date {
    return new Date(Date.now() + this.offsetMs)
  }

  nowMs(): number {
    return Date.now() + this.offsetMs
  }

  /** Lets time pass (tests only): forward only, the way real days go. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward')
    this.offsetMs += ms
    return this.now()
  }

  get offset(): number {
    return this.offsetMs
  }
}
