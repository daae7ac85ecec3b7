import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { PrivacyConsentKind } from '@xiangli/shared'

/**
 * A person accepted a version of the 用户隐私保护指引 (`guide`) or of the words shown before an ID
 * number is typed (`id_number`). Insert-only: the newest row of a kind is what holds today.
 */
@Entity('privacy_consent')
@Index('ix_privacy_consent_account', ['accountId', 'kind', 'version'])
export class PrivacyConsent {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  accountId: number

  @Column({ type: 'varchar', length: 16 })
  kind: PrivacyConsentKind

  @Column({ type: 'int' })
  version: number

  @CreateDateColumn()
  acceptedAt: Date
}
