import { ConfigError, loadConfig } from '../../src/core/config/config'
import { chinaTime, fillFields, templateFor, templatesPerAction } from '../../src/modules/inbox/inbox.rules'

const env = (WECHAT_TEMPLATES?: string) => ({
  JWT_SECRET: 'a-secret-that-is-at-least-32-characters-long',
  FIELD_ENCRYPTION_KEY: 'ab'.repeat(32),
  WECHAT_TEMPLATES,
})
function problem(value: string): string {
  try {
    loadConfig(env(value))
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n')
    throw e
  }
  throw new Error('accepted')
}

describe('WECHAT_TEMPLATES', () => {
  it('is empty by default', () => {
    expect(loadConfig(env()).WECHAT_TEMPLATES).toEqual({})
  })

  it('reads event kinds, prefixes and fields', () => {
    const map = {
      'grievance.*': { id: 'T-g', fields: { thing1: 'title', time2: 'time' } },
      'verification.confirmed': { id: 'T-v', fields: { phrase1: '=已通过', thing2: 'body' } },
    }
    expect(loadConfig(env(JSON.stringify(map))).WECHAT_TEMPLATES).toEqual(map)
  })

  it.each([
    ['not json', 'WECHAT_TEMPLATES: must be JSON'],
    ['{"Grievance":{"id":"t","fields":{"thing1":"title"}}}', 'event kinds'],
    ['{"grievance.replied":{"id":"","fields":{"thing1":"title"}}}', 'at grievance.replied.id'],
    ['{"grievance.replied":{"id":"t","fields":{}}}', 'at least one field'],
    ['{"grievance.replied":{"id":"t","fields":{"thing1":"author"}}}', 'at grievance.replied.fields.thing1'],
    ['{"grievance.replied":{"id":"t","fields":{"Thing":"title"}}}', 'thing1 or time2'],
    ['{"grievance.replied":{"id":"t","fields":{"thing1":"title"},"extra":1}}', 'at grievance.replied'],
  ])('refuses %s, naming the place', (value, words) => {
    expect(problem(value)).toContain(words)
  })
})

describe('the template of an event kind', () => {
  const map = {
    'grievance.*': { id: 'T-g', fields: { thing1: 'title' as const } },
    'grievance.replied': { id: 'T-r', fields: { thing1: 'body' as const } },
  }

  it('is its own entry, else its prefix, else the fallback template, else none', () => {
    expect(templateFor('grievance.replied', map)?.id).toBe('T-r')
    expect(templateFor('grievance.accepted', map)?.id).toBe('T-g')
    expect(templateFor('notice.published', map, 'T-all')).toEqual({
      id: 'T-all',
      fields: { thing1: 'title', thing2: 'body' },
    })
    expect(templateFor('notice.published', map)).toBeNull()
  })

  it('gives each action at most three distinct ids', () => {
    const actions = templatesPerAction(map, 'T-all')
    expect(actions.grievance).toEqual(['T-g', 'T-r'])
    expect(actions.verification).toEqual(['T-all'])
    expect(templatesPerAction({}).petition).toEqual([])
  })
})

describe('the fields of a message', () => {
  const notice = {
    accountIds: [1],
    orgId: null,
    kind: 'grievance.replied',
    title: '您反映的事情有了答复，请查看',
    body: '村委会：路灯明天修',
  }
  const at = new Date('2026-12-06T07:30:00Z')

  it('are filled from the notice, cut to what WeChat takes per field kind', () => {
    expect(
      fillFields(
        {
          thing1: 'title',
          phrase2: '=已经答复了呢',
          time3: 'time',
          character_string4: 'kind',
          name5: 'body',
        },
        notice,
        at,
      ),
    ).toEqual({
      thing1: { value: '您反映的事情有了答复，请查看' },
      phrase2: { value: '已经答复了' },
      time3: { value: '2026-12-06 15:30' },
      character_string4: { value: 'grievance.replied' },
      name5: { value: '村委会：路灯明天修' },
    })
    expect([
      ...fillFields({ thing1: 'title' }, { ...notice, title: '长'.repeat(30) }, at).thing1!.value,
    ]).toHaveLength(20)
  })

  it('write times in China’s time across midnight', () => {
    expect(chinaTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05')
  })
})
