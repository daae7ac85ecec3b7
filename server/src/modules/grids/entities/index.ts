import { GridHousehold } from './grid-household.entity'
import { GridWorker } from './grid-worker.entity'
import { Grid } from './grid.entity'

/** The tables of grids (网格): the grids, their workers, the households in them. */
export const GRIDS_ENTITIES = [Grid, GridWorker, GridHousehold]
