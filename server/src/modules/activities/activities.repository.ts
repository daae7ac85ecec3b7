import { Injectable } from '@nestjs/common'
import { DataSource, In, IsNull, type EntityManager } from 'typeorm'
import { forUpdate } from '../../core/database/dialect'
import { ActivityCheckIn, ActivitySignUp } from './entities/activity-attendance.entity'
import { Activity } from './entities/activity.entity'
import { VolunteerHours } from './entities/volunteer-hours.entity'

type NewActivity = Omit<Activity, 'id' | 'createdAt' | 'cancelReason' | 'endedAt'> & { endedAt?: Date | null }

/** Every query of activities: the activities, sign-ups, check-ins and the hours ledger. */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly ds: DataSource) {}

  inVillage(villageId: number, withDrafts: boolean): Promise<Activity[]> {
    const q = this.ds
      .getRepository(Activity)
      .createQueryBuilder('a')
      .where('a.villageId = :villageId', { villageId })
      .orderBy('a.startsAt', 'DESC')
      .take(200)
    if (!withDrafts) q.andWhere('a.status <> :draft', { draft: 'draft' })
    return q.getMany()
  }

  find(villageId: number, id: number, m: EntityManager = this.ds.manager): Promise<Activity | null> {
    return m.getRepository(Activity).findOneBy({ villageId, id })
  }

  /** The activity, its row locked until commit (MySQL), so places are counted one writer at a time. */
  locked(m: EntityManager, villageId: number, id: number): Promise<Activity | null> {
    const q = m
      .getRepository(Activity)
      .createQueryBuilder('a')
      .where('a.villageId = :villageId AND a.id = :id', { villageId, id })
    return forUpdate(m, q).getOne()
  }

  insert(m: EntityManager, a: NewActivity): Promise<Activity> {
    return m.getRepository(Activity).save({ cancelReason: null, endedAt: null, ...a })
  }

  async setStatus(
    m: EntityManager,
    id: number,
    from: Activity['status'],
    change: Partial<Pick<Activity, 'status' | 'cancelReason' | 'publishedAt' | 'endedAt'>>,
  ): Promise<boolean> {
    const r = await m.getRepository(Activity).update({ id, status: from }, change)
    return (r.affected ?? 0) > 0
  }

  // ---------- sign-ups ----------

  signUpOf(m: EntityManager, activityId: number, residentId: number): Promise<ActivitySignUp | null> {
    return m.getRepository(ActivitySignUp).findOneBy({ activityId, residentId })
  }

  /** Signs up, or signs up again after withdrawing. */
  async signUp(m: EntityManager, activityId: number, residentId: number, at: Date, walkIn = false) {
    const before = await this.signUpOf(m, activityId, residentId)
    if (before)
      await m
        .getRepository(ActivitySignUp)
        .update({ activityId, residentId }, { withdrawnAt: null, signedUpAt: at, walkIn })
    else
      await m
        .getRepository(ActivitySignUp)
        .insert({ activityId, residentId, signedUpAt: at, walkIn, withdrawnAt: null })
  }

  async withdraw(m: EntityManager, activityId: number, residentId: number, at: Date): Promise<boolean> {
    const r = await m
      .getRepository(ActivitySignUp)
      .update({ activityId, residentId, withdrawnAt: IsNull() }, { withdrawnAt: at })
    return (r.affected ?? 0) > 0
  }

  /** Places taken of each activity: sign-ups not withdrawn, walk-ins included. */
  async taken(ids: number[], m: EntityManager = this.ds.manager): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map()
    const rows = await m
      .getRepository(ActivitySignUp)
      .createQueryBuilder('s')
      .select('s.activityId', 'activityId')
      .addSelect('COUNT(*)', 'n')
      .where('s.activityId IN (:...ids)', { ids })
      .andWhere('s.withdrawnAt IS NULL')
      .groupBy('s.activityId')
      .getRawMany<{ activityId: number | string; n: number | string }>()
    return new Map(rows.map((r) => [Number(r.activityId), Number(r.n)]))
  }

  /** Of these activities, the ones this resident is signed up for. */
  async signedUpOf(ids: number[], residentId: number | null): Promise<Set<number>> {
    if (residentId === null || ids.length === 0) return new Set()
    const rows = await this.ds
      .getRepository(ActivitySignUp)
      .findBy({ activityId: In(ids), residentId, withdrawnAt: IsNull() })
    return new Set(rows.map((r) => r.activityId))
  }

  signUps(activityId: number): Promise<ActivitySignUp[]> {
    return this.ds
      .getRepository(ActivitySignUp)
      .find({ where: { activityId, withdrawnAt: IsNull() }, order: { signedUpAt: 'ASC' } })
  }

  // ---------- check-ins ----------

  checkIn(m: EntityManager, row: ActivityCheckIn): Promise<unknown> {
    return m.getRepository(ActivityCheckIn).insert(row)
  }

  checkInOf(m: EntityManager, activityId: number, residentId: number): Promise<ActivityCheckIn | null> {
    return m.getRepository(ActivityCheckIn).findOneBy({ activityId, residentId })
  }

  async checkedInOf(ids: number[], residentId: number | null): Promise<Set<number>> {
    if (residentId === null || ids.length === 0) return new Set()
    const rows = await this.ds.getRepository(ActivityCheckIn).findBy({ activityId: In(ids), residentId })
    return new Set(rows.map((r) => r.activityId))
  }

  checkIns(activityId: number, m: EntityManager = this.ds.manager): Promise<ActivityCheckIn[]> {
    return m.getRepository(ActivityCheckIn).findBy({ activityId })
  }

  checkedInCount(activityId: number): Promise<number> {
    return this.ds.getRepository(ActivityCheckIn).countBy({ activityId })
  }

  // ---------- hours ----------

  recordHours(m: EntityManager, row: Omit<VolunteerHours, 'id'>): Promise<unknown> {
    return m.getRepository(VolunteerHours).insert(row)
  }

  hoursOfActivity(activityId: number, m: EntityManager = this.ds.manager): Promise<VolunteerHours[]> {
    return m.getRepository(VolunteerHours).findBy({ activityId, source: 'activity' })
  }

  hoursOfResident(villageId: number, residentId: number): Promise<VolunteerHours[]> {
    return this.ds
      .getRepository(VolunteerHours)
      .find({ where: { villageId, residentId }, order: { recordedAt: 'DESC', id: 'DESC' }, take: 500 })
  }

  async sumOfResident(villageId: number, residentId: number): Promise<number> {
    const row = await this.ds
      .getRepository(VolunteerHours)
      .createQueryBuilder('h')
      .select('COALESCE(SUM(h.halfHours), 0)', 'n')
      .where('h.villageId = :villageId AND h.residentId = :residentId', { villageId, residentId })
      .getRawOne<{ n: number | string }>()
    return Number(row?.n ?? 0)
  }

  /** Each volunteer of the village with their total and how many activities it came from. */
  async totalsOfVillage(
    villageId: number,
  ): Promise<{ residentId: number; halfHours: number; activities: number }[]> {
    const rows = await this.ds
      .getRepository(VolunteerHours)
      .createQueryBuilder('h')
      .select('h.residentId', 'residentId')
      .addSelect('SUM(h.halfHours)', 'n')
      .addSelect('COUNT(DISTINCT h.activityId)', 'a')
      .where('h.villageId = :villageId', { villageId })
      .groupBy('h.residentId')
      .getRawMany<{ residentId: number | string; n: number | string; a: number | string }>()
    return rows
      .map((r) => ({ residentId: Number(r.residentId), halfHours: Number(r.n), activities: Number(r.a) }))
      .sort((x, y) => y.halfHours - x.halfHours || x.residentId - y.residentId)
  }

  titles(ids: number[]): Promise<Activity[]> {
    if (ids.length === 0) return Promise.resolve([])
    return this.ds.getRepository(Activity).findBy({ id: In(ids) })
  }
}
