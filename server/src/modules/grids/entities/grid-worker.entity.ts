import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 网格员: a person on the roster who looks after a grid. One person may look after several grids. */
@Entity('grid_worker')
@Index('uq_grid_worker', ['gridId', 'residentId'], { unique: true })
@Index('ix_grid_worker_village_resident', ['villageId', 'residentId'])
export class GridWorker {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'int' })
  gridId: number

  @Column({ type: 'int' })
  residentId: number

  @CreateDateColumn()
  createdAt: Date
}
