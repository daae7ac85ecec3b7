/**
 * 村规民约 and 自治章程 (Art 27): the 两委 draft versions and put one to the villagers' meeting through a
 * deliberation (its 一征 window takes the comments); everyone of the village reads the version in force,
 * the history and what each amendment changed; the township reads the filings (备案) of its villages
 * and records correction orders (责令改正). The versions in force are public, without login.
 */
import { ANY_VILLAGE_ROLE } from '../roles'
import {
  RULES_WRITERS,
  rulesCorrectionSchema,
  rulesDraftSchema,
  rulesEditSchema,
  type PublicRules,
  type RulesOverview,
  type RulesVersionView,
  type TownshipRulesFilings,
} from '../village-rules'
import { access, route } from './route'

const V = '/api/villages/:villageId/village-rules'
const T = '/api/townships/:townshipId/village-rules-filings'
const anyoneOfVillage = access.village(ANY_VILLAGE_ROLE, { township: true })
const writers = access.village(RULES_WRITERS)

export const villageRulesRoutes = {
  overview: route<RulesOverview>()({
    method: 'GET',
    path: V,
    access: anyoneOfVillage,
    summary: '村规民约和自治章程：现行版本和历次版本（草稿只给两委看）',
  }),
  detail: route<RulesVersionView>()({
    method: 'GET',
    path: `${V}/:id`,
    access: anyoneOfVillage,
    summary: '一个版本的全文、与所修订版本的逐行对比、备案和责令改正',
  }),
  create: route<RulesVersionView>()({
    method: 'POST',
    path: V,
    access: writers,
    body: rulesDraftSchema,
    summary: '起草新的一版（有现行版本时即为修订稿）',
  }),
  edit: route<RulesVersionView>()({
    method: 'PUT',
    path: `${V}/:id`,
    access: writers,
    body: rulesEditSchema,
    summary: '修改草稿（交付表决后不能再改）',
  }),
  startAdoption: route<RulesVersionView>()({
    method: 'POST',
    path: `${V}/:id/adoption`,
    access: writers,
    status: 200,
    summary: '交付表决：建立议事（先征求意见，再由村民会议表决），这一版从此不能修改',
  }),
  file: route<RulesVersionView>()({
    method: 'POST',
    path: `${V}/:id/filing`,
    access: writers,
    status: 200,
    summary: '报乡镇（街道）备案',
  }),
  publicCurrent: route<PublicRules>()({
    method: 'GET',
    path: '/api/public/villages/:villageId/village-rules',
    access: access.public(),
    summary: '一个村现行的村规民约和自治章程全文（无需登录）',
  }),
  townshipFilings: route<TownshipRulesFilings>()({
    method: 'GET',
    path: T,
    access: access.township(),
    summary: '辖区各村报来备案的村规民约和自治章程，及已作出的责令改正',
  }),
  townshipCorrect: route<TownshipRulesFilings>()({
    method: 'POST',
    path: `${T}/:fid/corrections`,
    access: access.township(),
    body: rulesCorrectionSchema,
    status: 200,
    summary: '责令改正：写明要改正的条款和理由，村里会看到',
  }),
} as const
