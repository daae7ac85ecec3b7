import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm'

/**
 * A region's or a village's change to the default positive list (see shared catalogue.ts). `scopeKey`
 * is the region name (VillageSettings.certificateRegion) or the village id.
 */
@Entity('certificate_catalogue_override')
export class CatalogueOverride {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  scope: 'region' | 'village'

  @PrimaryColumn({ type: 'varchar', length: 32 })
  scopeKey: string

  @Column({ type: 'simple-json' })
  override: unknown

  @UpdateDateColumn()
  updatedAt: Date
}
