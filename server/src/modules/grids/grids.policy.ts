import { OVERSIGHT_ROLES } from '@xiangli/shared'
import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'

/** The 两委, the supervisors and the township see every grid of the village. */
export const seesEveryGrid = async (v: Viewer, villageId: number): Promise<boolean> =>
  v.holds(villageId, OVERSIGHT_ROLES) || (await v.oversees(villageId))

/**
 * A grid worker sees the households of their own grids and of no other: one of another grid is told
 * so (the grid's existence is no secret in the village; its people are).
 */
export async function mustSeeGrid(
  v: Viewer,
  villageId: number,
  gridId: number,
  mine: number[],
): Promise<void> {
  if (await seesEveryGrid(v, villageId)) return
  if (!mine.includes(gridId)) throw new AppException('GRID_NOT_YOURS')
}
