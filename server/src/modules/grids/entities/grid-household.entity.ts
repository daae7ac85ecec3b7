import { Column, Entity, Index, PrimaryColumn } from 'typeorm'

/** Which grid a household is in: at most one, so the household is the key. */
@Entity('grid_household')
@Index('ix_grid_household_grid', ['gridId'])
export class GridHousehold {
  @PrimaryColumn({ type: 'int' })
  householdId: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  gridId: number
}
