/**
 * Libraries a server needs only for a few rare requests, loaded at their first use instead of at
 * boot: each holds 20 to 30 MB resident once loaded (measured by pnpm bench --only=memory, see
 * docs/operations.md), and most instances never export a spreadsheet or take a photo in a day.
 * ioredis belongs here too: only a deployment with REDIS_URL uses it.
 * `require` caches the module, so every later call is a lookup.
 */
import type * as ExcelJS from 'exceljs'
import type Redis from 'ioredis'
import type sharp from 'sharp'

/** exceljs: the roster import and the 用印登记 spreadsheet */
export function loadExcel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS
}

/** sharp (libvips): photos, re-encoded and thumbnailed when uploaded */
export function loadSharp(): typeof sharp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('sharp') as typeof sharp
}

/** ioredis: shared rate-limit counters and the WeChat access token, when REDIS_URL is set */
export function loadRedis(): typeof Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('ioredis') as typeof Redis
}
