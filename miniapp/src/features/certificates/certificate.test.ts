import { DEFAULT_POSITIVE_LIST, type CertificateRequestView } from '@xiangli/shared'
import {
  certificateSteps,
  checkParams,
  checkVerdict,
  commitmentPreview,
  committeeActions,
  defaultRegisterRange,
  emptyCertificateDraft,
  fieldProblem,
  queueQuery,
  residentActions,
  validateCertificateDraft,
} from './certificate'
import type { DraftPhoto } from '@/logic/photoDraft'

const residence = DEFAULT_POSITIVE_LIST.find((i) => i.code === 'residence')!
const now = new Date('2026-03-01T08:00:00Z')

const photo = (overrides: Partial<DraftPhoto> = {}): DraftPhoto => ({
  key: 'k1',
  localPath: 'blob:1',
  status: 'done',
  progress: 100,
  fileId: 5,
  url: '/api/files/5',
  error: null,
  ...overrides,
})

const request = (overrides: Partial<CertificateRequestView> = {}): CertificateRequestView => ({
  id: 1,
  villageId: 11,
  itemCode: 'residence',
  itemName: '居（租）住证明',
  purpose: '孩子上学',
  fields: {},
  materials: [],
  copies: 1,
  state: 'submitted',
  stateLabel: '待审核',
  dueAt: null,
  overdue: false,
  infoRequest: null,
  refuseReason: null,
  decidedByName: null,
  decidedAt: null,
  number: null,
  verificationCode: null,
  verificationUrl: null,
  issuedAt: null,
  revokedAt: null,
  revokeReason: null,
  applicantName: '王秀英',
  applicantAccountId: 7,
  proxy: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  pdfPath: null,
  ...overrides,
})

describe('checking a certificate request before it is sent', () => {
  it('names every missing field, the purpose, and materials still uploading', () => {
    const check = validateCertificateDraft(
      residence,
      { ...emptyCertificateDraft(), materials: [photo({ status: 'uploading', fileId: null })] },
      now,
    )
    expect(check).toEqual({
      ok: false,
      errors: {
        address: '请填写住址（本村内的门牌号）',
        residentSince: '请填写从哪天开始住',
        tenure: '请填写居住方式',
        purpose: expect.any(String),
        materials: '材料照片还在上传，请稍等',
      },
    })
  })

  it('says how a date should look and that a choice must be one of the options', () => {
    const [, since, tenure] = residence.fields
    expect(fieldProblem(since!, '2026/1/3', now)).toBe('请按 2026-01-31 的样子填写日期')
    expect(fieldProblem(tenure!, '买的', now)).toBe('请从选项里选一个')
    expect(fieldProblem(since!, '2020-05-01', now)).toBeNull()
  })

  it('gives the request body with trimmed values and the uploaded materials', () => {
    const check = validateCertificateDraft(
      residence,
      {
        purpose: ' 孩子上小学报名 ',
        fields: { address: ' 三组 5 号 ', residentSince: '2020-05-01', tenure: '自有住房' },
        materials: [photo()],
      },
      now,
    )
    expect(check).toEqual({
      ok: true,
      value: {
        itemCode: 'residence',
        purpose: '孩子上小学报名',
        fields: { address: '三组 5 号', residentSince: '2020-05-01', tenure: '自有住房' },
        materialIds: [5],
        copies: 1,
      },
    })
  })
})

describe('the steps of a request', () => {
  it('lists the request, the approval with its number, and the revocation', () => {
    const steps = certificateSteps(
      request({
        state: 'revoked',
        decidedByName: '张丽',
        decidedAt: '2026-03-02T08:00:00.000Z',
        issuedAt: '2026-03-02T08:00:00.000Z',
        number: '330106101201-2026-0001',
        revokedAt: '2026-03-03T08:00:00.000Z',
        revokeReason: '已搬走',
      }),
    )
    expect(steps.map((s) => s.title)).toEqual(['王秀英 提交申请', '张丽 同意，已出具', '证明已作废'])
    expect(steps[1]!.text).toBe('证明编号 330106101201-2026-0001')
    expect(steps[2]!.text).toBe('已搬走')
  })

  it('shows what the committee asked for while the resident gathers it', () => {
    const steps = certificateSteps(
      request({ state: 'more_info_requested', infoRequest: '请补充租房合同', decidedAt: now.toISOString() }),
    )
    expect(steps[1]).toMatchObject({ title: '请您补充材料', text: '请补充租房合同' })
  })
})

describe('who may do what', () => {
  it('lets the resident resubmit only when asked, withdraw while open, download once issued', () => {
    expect(residentActions({ state: 'more_info_requested' })).toEqual({
      resubmit: true,
      withdraw: true,
      download: false,
    })
    expect(residentActions({ state: 'issued' })).toEqual({ resubmit: false, withdraw: false, download: true })
  })

  it('never offers 同意 on the member’s own request', () => {
    expect(committeeActions(request(), 7).approve).toBe(false)
    expect(committeeActions(request(), 8)).toEqual({
      approve: true,
      refuse: true,
      askForMore: true,
      revoke: false,
    })
    expect(committeeActions(request({ state: 'issued' }), 8).revoke).toBe(true)
  })
})

describe('the committee queue filters', () => {
  it('asks by state, by the overdue flag for 已超时, and for everything under 全部', () => {
    expect(queueQuery('submitted')).toEqual({ status: 'submitted' })
    expect(queueQuery('overdue')).toEqual({ overdue: 'true' })
    expect(queueQuery('all')).toEqual({})
  })
})

describe('the register range and the check link', () => {
  it('opens the register on this month so far, in China time', () => {
    expect(defaultRegisterRange(new Date('2026-03-31T17:00:00Z'))).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    })
  })

  it('reads n and c from the link, and nothing from an empty one', () => {
    expect(checkParams({ n: '330106101201-2026-0007', c: 'K7QM3XPA' })).toEqual({
      n: '330106101201-2026-0007',
      c: 'K7QM3XPA',
    })
    expect(checkParams({ n: '330106101201-2026-0007' })).toBeNull()
    expect(checkParams({})).toBeNull()
  })
})

describe('the verdict of a public check', () => {
  const facts = {
    number: '330106101201-2026-0007',
    itemName: '居（租）住证明',
    villageName: '柳林村村民委员会',
    issuedOn: '2026-03-08',
    holderName: '王*英',
  }

  it('calls only a valid certificate good news', () => {
    expect(checkVerdict({ result: 'valid', ...facts })).toEqual({ label: '有效', good: true, advice: null })
    expect(checkVerdict({ result: 'revoked', ...facts })).toMatchObject({ label: '已作废', good: false })
    expect(checkVerdict({ result: 'invalid' })).toMatchObject({ label: '无效', good: false })
  })

  it('says plainly that a certificate no longer matches its archive, and what to do', () => {
    const verdict = checkVerdict({
      result: 'mismatch',
      number: facts.number,
      message: '证明信息与存档不一致',
    })
    expect(verdict).toMatchObject({ label: '证明信息与存档不一致', good: false })
    expect(verdict.advice).toContain('不能当作有效证明')
    expect(verdict.advice).toContain('联系出具单位')
  })
})

describe('the 告知承诺 text', () => {
  it('names the blanks instead of showing placeholders', () => {
    expect(
      commitmentPreview(
        '本人{{name}}自{{residentSince}}起居住在{{village}}{{address}}{{other}}',
        residence.fields,
      ),
    ).toBe('本人【姓名】自【从哪天开始住】起居住在【本村】【住址（本村内的门牌号）】＿＿')
  })
})
