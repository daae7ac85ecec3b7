/**
 * Who acts next on a deliberation, by role and by name. Every step says whose move it is, so nobody
 * opens a page with no button and no word of what it waits for: a committee member who started a
 * deliberation whose 提议 is the party secretary's reads "等待党组织书记 李建华 提议".
 */
import type { DeliberationState, StepPhase } from './deliberation'
import { isDeliberationClosed } from './deliberation'
import { DELIBERATION_BODY_LABELS, findStep, type Procedure, type ProcedureStep } from './procedure'
import { ROLE_LABELS, type Role } from './roles'

/** A person holding a role in the village. */
export interface RoleHolder {
  name: string
  role: Role
}

export interface NextActor {
  /** what they do next: 提议, 开始会议, 公开实施结果 … */
  action: string
  roles: Role[]
  /** the holders of those roles, each once, in the order of the roles */
  names: string[]
  /** 等待党组织书记 李建华 提议 */
  text: string
}

function actionOf(step: ProcedureStep, phase: StepPhase): string {
  switch (step.kind) {
    case 'meeting':
      if (phase === 'pending')
        return step.key === 'propose' || step.key === 'propose_consult'
          ? '提议'
          : `召开${step.bodies.map((b) => DELIBERATION_BODY_LABELS[b.body]).join('或')}`
      if (phase === 'scheduled') return '按通知的时间开始会议'
      if (phase === 'in_session') return '结束表决'
      return '进入下一步'
    case 'solicitation':
      if (phase === 'pending') return '开始征求居民意见'
      if (phase === 'collecting') return '在征求意见截止后汇总意见'
      return '进入下一步'
    case 'publication':
      return step.key === 'publish_results' ? '公开实施结果' : '公开决议'
  }
}

/**
 * The next actor of the current step: its recorders, or a supervision-committee member while the
 * meeting waits for the paper notice it leans on to be confirmed. Null once the deliberation ended.
 */
export function nextActor(
  procedure: Procedure,
  state: DeliberationState,
  holders: readonly RoleHolder[],
  o: { awaitingPaperNotice?: boolean } = {},
): NextActor | null {
  if (isDeliberationClosed(state.status)) return null
  const step = findStep(procedure, state.step)
  if (!step) return null
  const waitsForSupervisor = o.awaitingPaperNotice === true && state.phase === 'scheduled'
  const roles: Role[] = waitsForSupervisor ? ['supervisor'] : [...step.recorders]
  const action = waitsForSupervisor ? '确认纸质通知' : actionOf(step, state.phase)
  const named = new Set<string>()
  const parts: string[] = []
  for (const role of roles) {
    const names = holders
      .filter((h) => h.role === role && !named.has(h.name))
      .map((h) => h.name)
      .filter((n, i, all) => all.indexOf(n) === i)
    names.forEach((n) => named.add(n))
    if (names.length) parts.push(`${ROLE_LABELS[role]} ${names.join('、')}`)
  }
  const text = parts.length
    ? `等待${parts.join(' 或 ')} ${action}`
    : `等待${roles.map((r) => ROLE_LABELS[r]).join('或')}${action}（还没有登记担任这个职务的人）`
  return { action, roles, names: [...named], text }
}
