import type { Viewer } from '../../core/access/viewer'

/** Who may see a meeting's paper notice (its photos): anyone with a role in the village, or an official of the township above it. */
export const readsPaperNotice = async (v: Viewer, villageId: number): Promise<boolean> =>
  v.rolesIn(villageId).length > 0 || (await v.oversees(villageId))
