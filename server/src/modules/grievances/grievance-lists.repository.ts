import { Injectable } from '@nestjs/common'
import { DataSource, In, type SelectQueryBuilder } from 'typeorm'
import { DEADLINE_STATES, type GrievanceState } from '@xiangli/shared'
import { COUNT_AHEAD, countUpTo } from '../../core/database/count-up-to'
import { dialectOf } from '../../core/database/dialect'
import { GrievanceSubject } from './entities/grievance-subject.entity'
import { Grievance } from './entities/grievance.entity'

/** Which grievances a list shows; every field narrows it. */
export interface GrievanceFilter {
  villageIds: number[]
  raiserAccountId?: number
  /**
   * one's own: raised by this account, raised for this roster person (代办), or naming them
   * (民情收集)
   */
  mine?: { accountId: number; residentId: number | null }
  /** raised by one of these roster people or naming one of them (a grid's issues) */
  concerning?: number[]
  /**
   * the same for a villager group's people, found first by the raiser's and the subject's indexes
   * (a group is a small part of its village: walking the village's items for its few is the slow way)
   */
  group?: number[]
  /**
   * what the first line (a grid worker, a 村民小组长) reads of its people's items: public items the
   * content check shows, any handed to this roster person, and any this account raised (民情收集)
   */
  frontline?: { residentId: number; accountId: number }
  /** the 说事墙: public items that were not declined and that the content check shows */
  publicOnly?: boolean
  category?: string
  state?: GrievanceState
  /** any of these states */
  states?: readonly GrievanceState[]
  /** null: no assignee; a number: that roster person */
  assigneeResidentId?: number | null
  overdue?: { value: boolean; now: Date }
  /** the township's views */
  scope?: { kind: 'escalated' | 'overdue' | 'attention'; now: Date }
  /** these items only (one's own, found first by their own indexes); replaces `mine` */
  ids?: number[]
}

export interface GrievancePaging {
  page: number
  pageSize: number
  after?: number
}

export interface GrievancePage {
  rows: Grievance[]
  total: number
  totalAtLeast: boolean
  nextAfter: number | undefined
}

/** The lists of 村民说事: one village's, one person's, a grid's, the township's. */
@Injectable()
export class GrievanceListsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * A page of a list, newest first: by offset (`page`) or after an item (`after`, keyset, which stays
   * as cheap deep in the list as on its first page). The total is counted only up to COUNT_AHEAD items
   * past the page, so that a village with 100,000 items does not count them all on every page;
   * `totalAtLeast` says when counting stopped there.
   */
  async page(f: GrievanceFilter, q: GrievancePaging): Promise<GrievancePage> {
    const skip = q.after ? 0 : (q.page - 1) * q.pageSize
    if (f.mine?.residentId != null) f = { ...f, ids: await this.mineIds(f.mine, f.villageIds) }
    else if (f.group) f = { ...f, ids: await this.concerningIds(f.group, f.villageIds) }
    const list = this.filtered(f)
    const hint = this.indexFor(f)
    if (hint && dialectOf(this.ds) === 'mysql') list.useIndex(hint)
    if (q.after) list.andWhere('g.id < :after', { after: q.after })
    const fetched = await list
      .orderBy('g.id', 'DESC')
      .offset(skip)
      .limit(q.pageSize + 1)
      .getMany()
    const rows = fetched.slice(0, q.pageSize)
    const { total, atLeast } = await countUpTo(this.filtered(f), 'g.id', skip + q.pageSize + COUNT_AHEAD)
    return {
      rows,
      total,
      totalAtLeast: atLeast,
      nextAfter: fetched.length > q.pageSize ? rows[rows.length - 1]!.id : undefined,
    }
  }

  /**
   * One's own items by their three indexes (raised by the account, for the roster person, naming
   * them): an OR of the three over a village's 100,000 items makes MariaDB walk them all.
   */
  private async mineIds(
    mine: { accountId: number; residentId: number | null },
    villageIds: number[],
  ): Promise<number[]> {
    const [byAccount, concerning] = await Promise.all([
      this.ds
        .getRepository(Grievance)
        .find({ where: { raiserAccountId: mine.accountId, villageId: In(villageIds) }, select: ['id'] }),
      this.concerningIds([mine.residentId!], villageIds),
    ])
    return [...new Set([...byAccount.map((g) => g.id), ...concerning])]
  }

  /** The items raised by these roster people or naming them, by the raiser's and the subject's indexes. */
  private async concerningIds(people: number[], villageIds: number[]): Promise<number[]> {
    if (people.length === 0) return []
    const [raised, named] = await Promise.all([
      this.ds
        .getRepository(Grievance)
        .find({ where: { raiserResidentId: In(people), villageId: In(villageIds) }, select: ['id'] }),
      this.ds
        .getRepository(GrievanceSubject)
        .find({ where: { residentId: In(people) }, select: ['grievanceId'] }),
    ])
    return [...new Set([...raised.map((g) => g.id), ...named.map((s) => s.grievanceId)])]
  }

  /**
   * The index that reads a list in its order (newest first) on MySQL, whose planner otherwise walks the
   * primary key backwards over every village's items: the 说事墙's, one state's, or the village's.
   */
  private indexFor(f: GrievanceFilter): string | null {
    if (f.ids || f.mine || f.concerning || f.group || f.raiserAccountId !== undefined || f.overdue || f.scope)
      return null
    if (f.assigneeResidentId !== undefined || f.states || f.villageIds.length > 1) return null
    if (f.publicOnly) return 'ix_grievance_wall'
    if (f.state) return 'ix_grievance_village_state'
    return 'ix_grievance_village_id'
  }

  private filtered(f: GrievanceFilter): SelectQueryBuilder<Grievance> {
    const qb = this.ds
      .getRepository(Grievance)
      .createQueryBuilder('g')
      .where('g.villageId IN (:...villageIds)', { villageIds: f.villageIds })
    if (f.ids) {
      if (f.ids.length === 0) qb.andWhere('1 = 0')
      else qb.andWhere('g.id IN (:...ids)', { ids: f.ids })
    }
    if (f.raiserAccountId !== undefined) qb.andWhere('g.raiserAccountId = :me', { me: f.raiserAccountId })
    const named = 'g.id IN (SELECT s.grievanceId FROM grievance_subject s WHERE s.residentId IN (:...named))'
    if (f.ids) {
      // one's own, already found by their indexes
    } else if (f.mine?.residentId != null)
      qb.andWhere(`(g.raiserAccountId = :me OR g.raiserResidentId = :myRow OR ${named})`, {
        me: f.mine.accountId,
        myRow: f.mine.residentId,
        named: [f.mine.residentId],
      })
    else if (f.mine) qb.andWhere('g.raiserAccountId = :me', { me: f.mine.accountId })
    if (f.concerning) {
      const people = f.concerning.length > 0 ? f.concerning : [0]
      qb.andWhere(`(g.raiserResidentId IN (:...people) OR ${named.replace(':...named', ':...people')})`, {
        people,
      })
    }
    if (f.publicOnly)
      qb.andWhere("g.visibility = 'public' AND g.state <> 'declined' AND g.moderation = 'shown'")
    if (f.frontline)
      qb.andWhere(
        "((g.visibility = 'public' AND g.moderation = 'shown') OR g.assigneeResidentId = :frontline OR g.raiserAccountId = :frontlineAccount)",
        { frontline: f.frontline.residentId, frontlineAccount: f.frontline.accountId },
      )
    if (f.category) qb.andWhere('g.category = :c', { c: f.category })
    if (f.state) qb.andWhere('g.state = :s', { s: f.state })
    if (f.states) qb.andWhere('g.state IN (:...states)', { states: [...f.states] })
    if (f.assigneeResidentId === null) qb.andWhere('g.assigneeResidentId IS NULL')
    else if (f.assigneeResidentId !== undefined)
      qb.andWhere('g.assigneeResidentId = :r', { r: f.assigneeResidentId })
    const deadline = [...DEADLINE_STATES]
    if (f.overdue) {
      const clause = 'g.state IN (:...deadline) AND g.dueAt IS NOT NULL AND g.dueAt < :now'
      qb.andWhere(f.overdue.value ? `(${clause})` : `NOT (${clause})`, { deadline, now: f.overdue.now })
    }
    if (f.scope) {
      const overdue = 'g.state IN (:...deadline) AND g.dueAt < :now'
      const params = { deadline, now: f.scope.now }
      if (f.scope.kind === 'escalated') qb.andWhere("g.state = 'escalated'")
      else if (f.scope.kind === 'overdue') qb.andWhere(overdue, params)
      else qb.andWhere(`(g.state = 'escalated' OR (${overdue}))`, params)
    }
    return qb
  }
}
