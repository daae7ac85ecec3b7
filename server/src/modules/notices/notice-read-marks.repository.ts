import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'
import { NoticeReadMark } from './entities/notice-read-mark.entity'

/** A place in the order residents received notices' current versions: (`shownSeq`, id). */
export interface ReadMark {
  seq: number
  id: number
}

/** Whether `x` comes after `mark` (a missing mark is below every notice). */
export const isAbove = (x: ReadMark, mark: ReadMark | null): boolean =>
  mark === null || x.seq > mark.seq || (x.seq === mark.seq && x.id > mark.id)

/** The readers' watermarks (notice_read_mark): one row per account and village, only ever raised. */
@Injectable()
export class NoticeReadMarks {
  constructor(private readonly ds: DataSource) {}

  async of(accountId: number, villageId: number): Promise<ReadMark | null> {
    const row = await this.ds.getRepository(NoticeReadMark).findOneBy({ accountId, villageId })
    return row ? { seq: row.upToSeq, id: row.upToId } : null
  }

  /** Raises the reader's mark to `to`; a mark already higher (another tab, a later tap) stays. */
  async raise(accountId: number, villageId: number, to: ReadMark, at: Date): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(NoticeReadMark)
      .values({ accountId, villageId, upToSeq: to.seq, upToId: to.id, updatedAt: at })
      .orIgnore()
      .execute()
    await this.ds
      .createQueryBuilder()
      .update(NoticeReadMark)
      .set({ upToSeq: to.seq, upToId: to.id, updatedAt: at })
      .where('accountId = :accountId AND villageId = :villageId', { accountId, villageId })
      .andWhere('(upToSeq < :seq OR (upToSeq = :seq AND upToId < :id))', { seq: to.seq, id: to.id })
      .execute()
  }
}
