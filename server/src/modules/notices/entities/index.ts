import { NoticeAck } from './notice-ack.entity'
import { NoticeObjection } from './notice-objection.entity'
import { NoticeRead } from './notice-read.entity'
import { NoticeReadMark } from './notice-read-mark.entity'
import { NoticeSettingsRow } from './notice-settings.entity'
import { NoticeVersion } from './notice-version.entity'
import { PublicNotice } from './public-notice.entity'

/** The tables of 村务公开; the data source gathers every module's list (src/entities.ts). */
export const NOTICES_ENTITIES = [
  NoticeAck,
  NoticeObjection,
  NoticeRead,
  NoticeReadMark,
  NoticeSettingsRow,
  NoticeVersion,
  PublicNotice,
]
