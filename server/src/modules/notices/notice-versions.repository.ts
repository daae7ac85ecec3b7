import { Injectable } from '@nestjs/common'
import { DataSource, In, type EntityManager } from 'typeorm'
import type { Recorded } from '../../core/audit/recorded'
import { NoticeVersion } from './entities/notice-version.entity'
import { PublicNotice } from './entities/public-notice.entity'

export type NewVersion = Omit<NoticeVersion, 'id'>

/**
 * Every query of the published record: the versions, written once and never updated, and what the
 * integrity check reads of them and of the chain. The audit verifier runs the check on the manager it
 * is given (the server's, or the command line's own data source): every method takes one.
 */
@Injectable()
export class NoticeVersionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Writes a version and reads it back as stored (MySQL keeps whole seconds of a datetime). */
  async insert(m: EntityManager, row: NewVersion): Promise<NoticeVersion> {
    const saved = await m.getRepository(NoticeVersion).save(row)
    return m.getRepository(NoticeVersion).findOneByOrFail({ id: saved.id })
  }

  /** A notice's versions, newest first. */
  findById(m: EntityManager, id: number): Promise<NoticeVersion | null> {
    return m.getRepository(NoticeVersion).findOneBy({ id })
  }

  ofNotice(noticeId: number, m: EntityManager = this.ds.manager): Promise<NoticeVersion[]> {
    return m.getRepository(NoticeVersion).find({ where: { noticeId }, order: { version: 'DESC' } })
  }

  /** The files published with any version of the notice. */
  async publishedFileIds(noticeId: number): Promise<number[]> {
    const versions = await this.ds
      .getRepository(NoticeVersion)
      .find({ where: { noticeId }, select: ['attachments'] })
    return versions.flatMap((v) => (v.attachments ?? []).map((x) => x.fileId))
  }

  /** The latest version of each of these notices. */
  async latestOf(
    noticeIds: number[],
    m: EntityManager = this.ds.manager,
  ): Promise<Map<number, NoticeVersion>> {
    const latest = new Map<number, NoticeVersion>()
    if (noticeIds.length === 0) return latest
    const versions = await m
      .getRepository(NoticeVersion)
      .createQueryBuilder('v')
      .where('v.noticeId IN (:...ids)', { ids: noticeIds })
      .getMany()
    for (const v of versions) {
      const seen = latest.get(v.noticeId)
      if (!seen || seen.version < v.version) latest.set(v.noticeId, v)
    }
    return latest
  }

  // ---------- the integrity check ----------

  /** The next versions by id (of the given villages, or all). */
  batchAfter(
    after: number,
    villageIds: number[] | null,
    limit: number,
    m: EntityManager = this.ds.manager,
  ): Promise<NoticeVersion[]> {
    const qb = m
      .getRepository(NoticeVersion)
      .createQueryBuilder('v')
      .where('v.id > :after', { after })
      .orderBy('v.id', 'ASC')
      .take(limit)
    if (villageIds) qb.andWhere('v.villageId IN (:...villageIds)', { villageIds })
    return qb.getMany()
  }

  /** The chain's entries about these versions, whatever their action. */
  async entriesAbout(versionIds: number[], m: EntityManager = this.ds.manager): Promise<Recorded[]> {
    if (versionIds.length === 0) return []
    return (await m.query(
      `SELECT seq, action, targetType, targetId, afterDigest FROM audit_entry
        WHERE targetType = 'notice_version' AND targetId IN (${versionIds.map(() => '?').join(', ')})`,
      versionIds.map(String),
    )) as Recorded[]
  }

  /** Which of these version ids still have their row. */
  async existing(ids: number[], m: EntityManager = this.ds.manager): Promise<Set<number>> {
    if (ids.length === 0) return new Set()
    const found = await m.getRepository(NoticeVersion).find({ select: ['id'], where: { id: In(ids) } })
    return new Set(found.map((v) => v.id))
  }

  /** Every notice that has a version. */
  async noticesWithVersions(m: EntityManager = this.ds.manager): Promise<number[]> {
    const rows: { noticeId: number | string }[] = await m
      .getRepository(NoticeVersion)
      .createQueryBuilder('v')
      .select('DISTINCT v.noticeId', 'noticeId')
      .getRawMany()
    return rows.map((r) => Number(r.noticeId))
  }

  /** The next live notice rows by id. */
  noticesAfter(after: number, limit: number, m: EntityManager = this.ds.manager): Promise<PublicNotice[]> {
    return m
      .getRepository(PublicNotice)
      .createQueryBuilder('n')
      .where('n.id > :after', { after })
      .orderBy('n.id', 'ASC')
      .take(limit)
      .getMany()
  }

  /** The versions of these notices, each notice's in order. */
  ofNotices(noticeIds: number[], m: EntityManager = this.ds.manager): Promise<NoticeVersion[]> {
    if (noticeIds.length === 0) return Promise.resolve([])
    return m.getRepository(NoticeVersion).find({
      where: { noticeId: In(noticeIds) },
      order: { noticeId: 'ASC', version: 'ASC' },
    })
  }
}
