import { Injectable, OnModuleInit } from '@nestjs/common'
import { DataSource } from 'typeorm'
import { dialectOf } from './dialect'

/**
 * MySQL fills DEFAULT CURRENT_TIMESTAMP columns in the session time zone, while the driver reads
 * datetimes back as UTC. Every pooled connection is set to UTC so the two agree whatever zone the
 * server runs in (a Beijing-time server would otherwise shift every createdAt by eight hours).
 */
@Injectable()
export class UtcSession implements OnModuleInit {
  constructor(private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    if (dialectOf(this.ds) !== 'mysql') return
    const pool = (
      this.ds.driver as unknown as {
        pool?: { on: (e: string, f: (c: { query: (s: string) => void }) => void) => void }
      }
    ).pool
    pool?.on('connection', (conn) => conn.query("SET time_zone = '+00:00'"))
    // connections opened before the listener (TypeORM's own start-up check) are set here
    await this.ds.query("SET time_zone = '+00:00'")
  }
}
