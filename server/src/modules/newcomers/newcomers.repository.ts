import { Injectable } from '@nestjs/common'
import { DataSource, type EntityManager } from 'typeorm'
import type { NewcomerState } from '@xiangli/shared'
import { forUpdate, isUniqueViolation } from '../../core/database/dialect'
import { NewcomerApplication } from './entities/newcomer-application.entity'

export type NewApplication = Omit<NewcomerApplication, 'id' | 'createdAt'>

/** Every query of newcomers' applications. */
@Injectable()
export class NewcomersRepository {
  constructor(private readonly ds: DataSource) {}

  /** The new application, or null when one of the same person to the same village got in first. */
  async insert(m: EntityManager, row: NewApplication): Promise<NewcomerApplication | null> {
    try {
      return await m.getRepository(NewcomerApplication).save(row)
    } catch (e) {
      if (isUniqueViolation(e)) return null
      throw e
    }
  }

  async hasPendingOf(m: EntityManager, accountId: number, villageId: number): Promise<boolean> {
    return m.getRepository(NewcomerApplication).existsBy({ accountId, villageId, state: 'pending' })
  }

  async hasPendingKey(m: EntityManager, pendingKey: string): Promise<boolean> {
    return m.getRepository(NewcomerApplication).existsBy({ pendingKey })
  }

  /** An application of the village, locked until commit (MySQL) for deciding it. */
  findForUpdate(m: EntityManager, villageId: number, id: number): Promise<NewcomerApplication | null> {
    const qb = m
      .getRepository(NewcomerApplication)
      .createQueryBuilder('a')
      .where('a.id = :id AND a.villageId = :villageId', { id, villageId })
    return forUpdate(m, qb).getOne()
  }

  findById(id: number): Promise<NewcomerApplication | null> {
    return this.ds.getRepository(NewcomerApplication).findOneBy({ id })
  }

  async save(m: EntityManager, a: NewcomerApplication): Promise<void> {
    await m.getRepository(NewcomerApplication).save(a)
  }

  mine(accountId: number, take: number): Promise<NewcomerApplication[]> {
    return this.ds
      .getRepository(NewcomerApplication)
      .find({ where: { accountId }, order: { id: 'DESC' }, take })
  }

  /** A village's applications, of one state if asked; pending first, newest first within each. */
  async ofVillage(
    villageId: number,
    state: NewcomerState | undefined,
    take: number,
  ): Promise<NewcomerApplication[]> {
    const rows = await this.ds.getRepository(NewcomerApplication).find({
      where: { villageId, ...(state ? { state } : {}) },
      order: { id: 'DESC' },
      take,
    })
    return rows.sort((a, b) => Number(b.state === 'pending') - Number(a.state === 'pending'))
  }
}
