import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** 积分超市: an item the 两委 put on the shelf, at a points cost, while stock lasts. */
@Entity('points_shop_item')
@Index('ix_points_shop_item_village', ['villageId', 'id'])
export class PointsShopItem {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Column({ type: 'varchar', length: 30 })
  name: string

  /** never changed once on the shelf: a new price is a new item */
  @Column({ type: 'int' })
  cost: number

  @Column({ type: 'int' })
  stock: number

  @Column({ type: 'boolean', default: true })
  active: boolean

  @CreateDateColumn()
  createdAt: Date
}
