import { Inject, Injectable } from '@nestjs/common'
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { checkInCodeAge, checkInCodeWindow } from '@xiangli/shared'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'

export type CodeVerdict = 'ok' | 'expired' | 'invalid'

/**
 * The organiser's QR code: an HMAC over the activity and the 30-second window, under a key derived
 * from the server's field key. Nothing is stored; a code is good for its window and the one before.
 */
@Injectable()
export class CheckInCodes {
  private readonly key: Buffer

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.fieldKey, Buffer.alloc(0), 'xiangli:activity-check-in', 32),
    )
  }

  private mac(activityId: number, window: number): string {
    return createHmac('sha256', this.key)
      .update(`activity:${activityId}:${window}`)
      .digest('base64url')
      .slice(0, 22)
  }

  /** The token for now: `window.mac`. */
  issue(activityId: number, nowMs: number): { token: string; window: number } {
    const window = checkInCodeWindow(nowMs)
    return { token: `${window}.${this.mac(activityId, window)}`, window }
  }

  verify(activityId: number, token: string, nowMs: number): CodeVerdict {
    const m = /^(\d{1,15})\.([\w-]{22})$/.exec(token.trim())
    if (!m) return 'invalid'
    const window = Number(m[1])
    const want = Buffer.from(this.mac(activityId, window))
    const got = Buffer.from(m[2]!)
    if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid'
    const age = checkInCodeAge(window, nowMs)
    return age === 'fresh' ? 'ok' : age === 'expired' ? 'expired' : 'invalid'
  }
}
