import { idNumberCheckChar } from '@xiangli/shared'
import type { DraftPhoto } from '@/logic/photoDraft'
import { emptyApplyForm, validateApplyForm, type ApplyForm } from './applyForm'

const TODAY = new Date('2026-12-06T04:00:00Z')
const first17 = '33010619900101001'
const ID = first17 + idNumberCheckChar(first17)
const photo = (o: Partial<DraftPhoto> = {}): DraftPhoto => ({
  key: 'k1',
  localPath: '/tmp/a.jpg',
  status: 'done',
  progress: 100,
  fileId: 7,
  url: '/api/files/7',
  error: null,
  ...o,
})
const filled = (o: Partial<ApplyForm> = {}): ApplyForm => ({
  ...emptyApplyForm(),
  villageId: 3,
  name: ' 马向阳 ',
  idNumber: ID,
  phone: '139 0000 1234',
  address: '东街 8 号',
  movedInOn: '2025-03-01',
  proofs: [photo()],
  ...o,
})

describe('validateApplyForm', () => {
  it('gives the request the server takes', () => {
    expect(validateApplyForm(filled(), TODAY)).toEqual({
      ok: true,
      value: {
        villageId: 3,
        name: '马向阳',
        idNumber: ID,
        phone: '13900001234',
        address: '东街 8 号',
        movedInOn: '2025-03-01',
        proofFileIds: [7],
      },
    })
  })

  it('says what is missing next to each box', () => {
    const r = validateApplyForm(emptyApplyForm(), TODAY)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual(
      ['address', 'idNumber', 'movedInOn', 'name', 'phone', 'proofs', 'villageId'].sort(),
    )
    expect(r.errors.proofs).toContain('住址证明')
  })

  it('refuses a moving-in day after today', () => {
    const r = validateApplyForm(filled({ movedInOn: '2026-12-07' }), TODAY)
    expect(r).toMatchObject({ ok: false, errors: { movedInOn: expect.stringContaining('不晚于今天') } })
  })

  it('waits for the proof photo to be up', () => {
    const r = validateApplyForm(filled({ proofs: [photo({ status: 'uploading', fileId: null })] }), TODAY)
    expect(r).toMatchObject({ ok: false, errors: { proofs: '照片还在上传，请稍等' } })
  })
})
