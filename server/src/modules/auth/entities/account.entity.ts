import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Preferences } from '@xiangli/shared'

/** A login. A WeChat account is keyed by its openid; demo accounts by their demo key. */
@Entity('account')
export class Account {
  @PrimaryGeneratedColumn()
  id: number

  @Index('uq_account_openid', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null

  @Index('uq_account_demo_key', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  demoKey: string | null

  @Column({ type: 'varchar', length: 64 })
  displayName: string

  @Column({ type: 'simple-json' })
  preferences: Preferences

  @CreateDateColumn()
  createdAt: Date

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null
}
