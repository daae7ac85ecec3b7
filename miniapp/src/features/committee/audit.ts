import { ROLE_LABELS, ROLES, type Role } from '@xiangli/shared'

/*
 * The audit trail stores actions as `thing.verb` or `thing.detail_verb` (e.g. `verification.confirmed`,
 * `account.preferences_updated`). The words below turn them into plain Chinese; an action this list
 * does not know is shown as it is rather than guessed.
 */
const THINGS: Record<string, string> = {
  verification: '实名认证',
  verifications: '实名认证',
  roster: '花名册',
  resident: '居民信息',
  residents: '居民信息',
  household: '户信息',
  households: '户信息',
  role: '职务',
  roles: '职务',
  role_assignment: '职务',
  demo: '演示数据',
  auth: '登录',
  session: '登录',
  preferences: '个人设置',
  account: '账号',
  org: '组织',
  village: '村（社区）信息',
  settings: '村（社区）设置',
  // content_check.passed / held / approved / rejected
  check: '内容审核',
}

const VERBS: Record<string, string> = {
  create: '新建',
  created: '新建',
  submit: '提交',
  submitted: '提交',
  request: '提交',
  requested: '提交',
  confirm: '确认',
  confirmed: '确认',
  approve: '确认',
  approved: '确认',
  reject: '驳回',
  rejected: '驳回',
  import: '导入',
  imported: '导入',
  assign: '任命',
  assigned: '任命',
  grant: '任命',
  granted: '任命',
  remove: '免去',
  removed: '免去',
  revoke: '免去',
  revoked: '免去',
  update: '修改',
  updated: '修改',
  delete: '删除',
  deleted: '删除',
  login: '登录',
  logout: '退出登录',
  seeded: '生成',
  passed: '通过',
  held: '转人工',
}

export function auditActionLabel(action: string): string {
  const words = action.split(/[.:/_]/).filter(Boolean)
  const verb = VERBS[words[words.length - 1] ?? '']
  // the most specific thing named before the verb: `account.preferences_updated` is about preferences
  const thing = words
    .slice(0, -1)
    .reverse()
    .map((w) => THINGS[w])
    .find(Boolean)
  if (words.length >= 2 && verb && thing) return thing === verb ? verb : `${verb}${thing}`
  return action
}

export function auditTargetLabel(targetType: string): string {
  return THINGS[targetType] ?? targetType
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

export function roleLabel(role: string | null): string | null {
  if (!role) return null
  return isRole(role) ? ROLE_LABELS[role] : role
}
