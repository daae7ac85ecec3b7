import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { OrgKind, VillageSettings } from '@xiangli/shared'

/** County, township/street, village/community or villager group (村民小组). */
@Entity('org')
export class Org {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'varchar', length: 16 })
  kind: OrgKind

  @Column({ type: 'varchar', length: 64 })
  name: string

  /** administrative division code or a local code; unique across the tree */
  @Index('uq_org_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string

  @Index('ix_org_parent')
  @Column({ type: 'int', nullable: true })
  parentId: number | null

  /** only villages and communities carry settings */
  @Column({ type: 'simple-json', nullable: true })
  settings: VillageSettings | null

  @CreateDateColumn()
  createdAt: Date
}
