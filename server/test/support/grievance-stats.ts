import { GrievanceStatsRepository } from '../../src/modules/grievances/grievance-stats.repository'
import type { TestApp } from './app'

/**
 * Counts the villages' 村民说事 statistics afresh from their items, for a test that wrote or deleted
 * items straight in the database (the app keeps the statistics only through its own steps).
 */
export const recountGrievanceStats = (t: TestApp, villageIds: number[]): Promise<void> =>
  t.ds.transaction((m) => t.app.get(GrievanceStatsRepository).recount(m, villageIds))
