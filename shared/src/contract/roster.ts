/** 花名册: the village's people and households; its overseers read it, the 两委 import it. */
import {
  pageQuerySchema,
  residentQuerySchema,
  type HouseholdView,
  type Page,
  type ResidentView,
  type RosterImportResult,
} from '../api'
import { COMMITTEE_ROLES, OVERSIGHT_ROLES } from '../roles'
import { access, route } from './route'

const V = '/api/villages/:villageId'
const readers = access.village(OVERSIGHT_ROLES, { township: true })
const writers = access.village(COMMITTEE_ROLES)

export const rosterRoutes = {
  residents: route<Page<ResidentView>>()({
    method: 'GET',
    path: `${V}/residents`,
    access: readers,
    query: residentQuerySchema,
    summary:
      '花名册上的人：按户排列，可按姓名或户查找；身份证号只对本人完整显示，手机号只对本人和两委完整显示',
  }),
  households: route<Page<HouseholdView>>()({
    method: 'GET',
    path: `${V}/households`,
    access: readers,
    query: pageQuerySchema,
    summary: '本村的户：户号、住址、村民小组、户主、人数',
  }),
  import: route<RosterImportResult>()({
    method: 'POST',
    path: `${V}/roster/import`,
    access: writers,
    upload: 'file',
    summary: '导入花名册表格（.xlsx 或 .csv）：好的行全部导入，有问题的行按行号说明原因',
  }),
  template: route<string>()({
    method: 'GET',
    path: `${V}/roster/template`,
    access: writers,
    file: 'text/csv',
    summary: '花名册表格模板（CSV）',
  }),
} as const
