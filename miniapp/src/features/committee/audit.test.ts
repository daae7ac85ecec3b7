import { auditActionLabel, auditTargetLabel, roleLabel } from './audit'

describe('audit labels', () => {
  it('says a known action in plain Chinese', () => {
    expect(auditActionLabel('verification.confirm')).toBe('确认实名认证')
    expect(auditActionLabel('roster.import')).toBe('导入花名册')
    expect(auditActionLabel('role.assign')).toBe('任命职务')
    expect(auditActionLabel('role.removed')).toBe('免去职务')
  })

  it('reads the actions the server writes today', () => {
    expect(auditActionLabel('verification.submitted')).toBe('提交实名认证')
    expect(auditActionLabel('verification.confirmed')).toBe('确认实名认证')
    expect(auditActionLabel('verification.rejected')).toBe('驳回实名认证')
    expect(auditActionLabel('roster.imported')).toBe('导入花名册')
    expect(auditActionLabel('role.assigned')).toBe('任命职务')
    expect(auditActionLabel('account.created')).toBe('新建账号')
    expect(auditActionLabel('account.preferences_updated')).toBe('修改个人设置')
    expect(auditActionLabel('village.settings_updated')).toBe('修改村（社区）设置')
  })

  it('shows an action it does not know as it is rather than guessing', () => {
    expect(auditActionLabel('deliberation.open')).toBe('deliberation.open')
    expect(auditActionLabel('something')).toBe('something')
  })

  it('names the kind of thing acted on', () => {
    expect(auditTargetLabel('verification')).toBe('实名认证')
    expect(auditTargetLabel('role_assignment')).toBe('职务')
    expect(auditTargetLabel('motion')).toBe('motion')
  })

  it('turns a role into its label and leaves other text alone', () => {
    expect(roleLabel('party_secretary')).toBe('党组织书记')
    expect(roleLabel('system')).toBe('system')
    expect(roleLabel(null)).toBeNull()
  })
})

describe('the content check in the audit trail', () => {
  it('names what WeChat and the 两委 decided', () => {
    expect(auditActionLabel('content_check.held')).toBe('转人工内容审核')
    expect(auditActionLabel('content_check.rejected')).toBe('驳回内容审核')
  })
})
