import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'

/** The one query of the health check. */
@Injectable()
export class HealthRepository {
  constructor(private readonly ds: DataSource) {}

  /** Whether the database answers a trivial query. */
  async answers(): Promise<boolean> {
    try {
      await this.ds.query('SELECT 1')
      return true
    } catch {
      return false
    }
  }
}
