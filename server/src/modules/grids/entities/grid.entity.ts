import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 网格: a part of a village or community, its households looked after by its grid workers. */
@Entity('grid')
@Index('uq_grid_village_name', ['villageId', 'name'], { unique: true })
export class Grid {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 20 })
  name: string

  @CreateDateColumn()
  createdAt: Date
}
