import { SUBSCRIBE_ACTIONS, SUBSCRIBE_MAX_TEMPLATES, type SubscribeAction } from '@xiangli/shared'
import type { TemplateMap, TemplateMapping, TemplateSource } from '../../core/config/config'
import type { NewNotification, NewOutboxMessage } from './inbox.repository'

/** What a workflow tells people: one inbox message each, and a WeChat message where they came from WeChat. */
export interface NoticeToSend {
  accountIds: number[]
  orgId: number | null
  kind: string
  title: string
  body: string
  link?: string | null
}

/** The title column holds 100 characters. */
const TITLE_MAX = 100

/** The inbox message each of these people gets. */
export const inboxRows = (n: NoticeToSend, accountIds: number[]): NewNotification[] =>
  accountIds.map((accountId) => ({
    accountId,
    orgId: n.orgId,
    kind: n.kind,
    title: n.title.slice(0, TITLE_MAX),
    body: n.body,
    link: n.link ?? null,
    readAt: null,
  }))

/** What a kind falls to when WECHAT_TEMPLATES does not name it: the one template of old. */
const FALLBACK_FIELDS: Record<string, TemplateSource> = { thing1: 'title', thing2: 'body' }

/**
 * The template for an event kind: its own entry, else the nearest `prefix.*` entry
 * (grievance.replied → grievance.*), else the fallback template id with title and body.
 */
export function templateFor(kind: string, map: TemplateMap, fallbackId?: string): TemplateMapping | null {
  if (map[kind]) return map[kind]
  const parts = kind.split('.')
  for (let i = parts.length - 1; i > 0; i--) {
    const hit = map[`${parts.slice(0, i).join('.')}.*`]
    if (hit) return hit
  }
  return fallbackId ? { id: fallbackId, fields: FALLBACK_FIELDS } : null
}

/** The template ids to ask for in the tap of each action (at most three, WeChat's limit). */
export function templatesPerAction(map: TemplateMap, fallbackId?: string): Record<SubscribeAction, string[]> {
  const out = {} as Record<SubscribeAction, string[]>
  for (const [action, kinds] of Object.entries(SUBSCRIBE_ACTIONS) as [SubscribeAction, readonly string[]][]) {
    const ids = kinds.map((k) => templateFor(k, map, fallbackId)?.id).filter((id): id is string => !!id)
    out[action] = [...new Set(ids)].slice(0, SUBSCRIBE_MAX_TEMPLATES)
  }
  return out
}

/** WeChat's length limit of a field, by the kind its name starts with. */
const FIELD_MAX: [RegExp, number][] = [
  [/^thing/, 20],
  [/^phrase/, 5],
  [/^name/, 10],
  [/^character_string/, 32],
  [/^(number|letter|symbol)/, 32],
  [/^car_number/, 8],
]

const pad = (n: number) => String(n).padStart(2, '0')
/** 2026-12-06 15:30, in China's time: WeChat's time fields want this form. */
export function chinaTime(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000)
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

/** The fields of a template filled from the notice, each cut to its kind's length. */
export function fillFields(
  fields: Record<string, TemplateSource>,
  n: NoticeToSend,
  now: Date,
): Record<string, { value: string }> {
  const source = (s: TemplateSource): string =>
    s.startsWith('=')
      ? s.slice(1)
      : s === 'title'
        ? n.title
        : s === 'body'
          ? n.body
          : s === 'time'
            ? chinaTime(now)
            : n.kind
  return Object.fromEntries(
    Object.entries(fields).map(([name, s]) => {
      const max = FIELD_MAX.find(([re]) => re.test(name))?.[1]
      const value = source(s)
      return [name, { value: max ? [...value].slice(0, max).join('') : value }]
    }),
  )
}

/** The subscribe message queued for each WeChat account, due at once. */
export const wechatRows = (
  n: NoticeToSend,
  recipients: { id: number; openid: string }[],
  template: TemplateMapping,
  now: Date,
): NewOutboxMessage[] =>
  recipients.map(({ id, openid }) => ({
    openid,
    accountId: id,
    templateId: template.id,
    page: n.link ?? null,
    data: fillFields(template.fields, n, now),
    state: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    claimedUntil: null,
    lastError: null,
    sentAt: null,
  }))
