import { createHash, randomBytes } from 'node:crypto'
import type { Preferences } from '@xiangli/shared'
import type { RefreshToken } from './entities/refresh-token.entity'

/** How a new account starts out: normal text, no village chosen yet. */
export const DEFAULT_PREFERENCES: Preferences = { elderMode: false, activeOrgId: null }

/** The name a WeChat account has until the roster gives it a real one. */
export const WECHAT_DEFAULT_NAME = '微信用户'

/** errcodes meaning the code itself is bad (used, expired, forged), not that WeChat is down */
export const BAD_WECHAT_CODE: ReadonlySet<number> = new Set([40029, 40163, 40226, 40125, 40013])

/** A new refresh token: 256 random bits, handed out once and kept only as its hash. */
export const newRefreshToken = (): string => randomBytes(32).toString('base64url')

/** sha256 of a refresh token; the token itself is never stored. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/**
 * Whether a presented refresh token may be exchanged at all: it was issued, its login was not ended
 * and it has not run out. One already exchanged is still "usable" here: whether it was is decided by
 * the conditional update that rotates it, so two exchanges at once cannot both win.
 */
export const isExchangeable = (
  row: Pick<RefreshToken, 'revokedAt' | 'expiresAt'> | null,
  nowMs: number,
): row is RefreshToken => row !== null && row.revokedAt === null && row.expiresAt.getTime() >= nowMs
