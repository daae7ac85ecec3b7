import type { Role } from '@xiangli/shared'
import { AppException } from '../../src/core/errors/app.exception'
import {
  mustSee,
  noticeActions,
  readerIn,
  readsObjectionFiles,
  seesObjectorName,
  townshipReader,
} from '../../src/modules/notices/notices.policy'
import { viewerWith } from './support/viewer'

const VILLAGE = 7
const TOWNSHIP = 3
const orgs = [
  { id: VILLAGE, kind: 'village' as const, parentId: TOWNSHIP, name: '柳林村' },
  { id: TOWNSHIP, kind: 'township' as const, parentId: null, name: '柳林镇' },
]
const reader = (roles: Role[], acting: Role = roles[0]!, accountId = 1) =>
  readerIn(viewerWith({ [VILLAGE]: roles }, { accountId }), VILLAGE, acting, null)
const official = () => townshipReader(viewerWith({ [TOWNSHIP]: ['township_official'] }, { accountId: 9 }))
const notice = (state: 'draft' | 'in_review' | 'published', over: Record<string, unknown> = {}) => ({
  state,
  requiresAck: false,
  supervisionOpinion: null,
  ...over,
})
const ctx = { reviewRequired: false, objectable: false, onRoster: true, acknowledgedByHousehold: false }

describe('who may do what with notices', () => {
  it('keeps a draft from residents and the township, and shows it to the 两委 and the supervisors', () => {
    for (const r of [reader(['resident']), reader(['party_member']), official()])
      expect(() => mustSee(r, { state: 'draft', moderation: 'shown' })).toThrow(AppException)
    for (const r of [reader(['committee_member']), reader(['party_secretary']), reader(['supervisor'])])
      expect(() => mustSee(r, { state: 'in_review', moderation: 'shown' })).not.toThrow()
    expect(() => mustSee(reader(['resident']), { state: 'ended', moderation: 'shown' })).not.toThrow()
  })

  it('offers the 两委 a draft’s next steps, submitting only where the village asks for review', () => {
    const committee = reader(['committee_member'])
    expect(noticeActions(committee, notice('draft'), ctx)).toEqual(['edit', 'publish'])
    expect(noticeActions(committee, notice('draft'), { ...ctx, reviewRequired: true })).toEqual([
      'edit',
      'submit',
    ])
    expect(noticeActions(committee, notice('published'), ctx)).toEqual(['pin', 'correct'])
    expect(noticeActions(reader(['supervisor']), notice('draft'), ctx)).toEqual([])
  })

  it('offers the supervisors a review while in review, and their opinion once on a published notice', () => {
    const supervisor = reader(['supervisor'])
    expect(noticeActions(supervisor, notice('in_review'), ctx)).toEqual(['review'])
    expect(noticeActions(supervisor, notice('published'), ctx)).toEqual(['opinion'])
    expect(noticeActions(supervisor, notice('published', { supervisionOpinion: '属实' }), ctx)).toEqual([])
  })

  it('lets residents object in the period and acknowledge once per household, and a township official neither', () => {
    const open = { ...ctx, objectable: true }
    const asks = notice('published', { requiresAck: true })
    expect(noticeActions(reader(['resident']), asks, open)).toEqual(['object', 'ack'])
    expect(noticeActions(reader(['resident']), asks, { ...open, acknowledgedByHousehold: true })).toEqual([
      'object',
    ])
    expect(noticeActions(reader(['resident']), asks, { ...open, onRoster: false })).toEqual(['object'])
    expect(noticeActions(official(), asks, open)).toEqual([])
    // a resident of the village who is also a township official acts as a resident on the village's pages
    expect(
      readerIn(
        viewerWith({ [VILLAGE]: ['resident'], [TOWNSHIP]: ['township_official'] }),
        VILLAGE,
        'resident',
        null,
      ).isTownship,
    ).toBe(false)
  })

  it('shows an objector’s name to the objector and to those who oversee, and masks it for other residents', () => {
    const o = { objectorAccountId: 41, objectorResidentId: null }
    expect(seesObjectorName(reader(['resident'], 'resident', 41), o)).toBe(true)
    expect(seesObjectorName(reader(['resident'], 'resident', 42), o)).toBe(false)
    expect(seesObjectorName(reader(['supervisor']), o)).toBe(true)
    expect(seesObjectorName(official(), o)).toBe(true)
  })

  it('opens an objection’s photos to its objector, the village’s overseers and the township above, no one else', async () => {
    const o = {
      objectorAccountId: 41,
      objectorResidentId: null,
      villageId: VILLAGE,
      proxy: null,
      moderation: 'shown' as const,
      answerModeration: null,
      answerPhotoIds: [7],
      answeredByAccountId: null,
    }
    const as = (roles: Record<number, Role[]>, accountId: number) => viewerWith(roles, { accountId, orgs })
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['resident'] }, 41), o, 5)).toBe(true)
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['resident'] }, 42), o, 5)).toBe(false)
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['supervisor'] }, 20), o, 5)).toBe(true)
    expect(await readsObjectionFiles(as({ [TOWNSHIP]: ['township_official'] }, 30), o, 5)).toBe(true)
    expect(await readsObjectionFiles(as({ 99: ['township_official'] }, 31), o, 5)).toBe(false)
  })

  it('keeps the photos of an objection (or an answer) the content check holds from the supervisors, not from the 两委 or the objector', async () => {
    const o = {
      objectorAccountId: 41,
      objectorResidentId: null,
      villageId: VILLAGE,
      proxy: null,
      moderation: 'held' as const,
      answerModeration: 'pending' as const,
      answerPhotoIds: [7],
      answeredByAccountId: 10,
    }
    const as = (roles: Record<number, Role[]>, accountId: number) => viewerWith(roles, { accountId, orgs })
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['supervisor'] }, 20), o, 5)).toBe(false)
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['supervisor'] }, 20), o, 7)).toBe(false)
    expect(
      await readsObjectionFiles(as({ [VILLAGE]: ['supervisor'] }, 20), { ...o, moderation: 'shown' }, 5),
    ).toBe(true)
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['committee_member'] }, 10), o, 5)).toBe(true)
    expect(await readsObjectionFiles(as({ [VILLAGE]: ['resident'] }, 41), o, 7)).toBe(true)
    expect(await readsObjectionFiles(as({ [TOWNSHIP]: ['township_official'] }, 30), o, 7)).toBe(true)
  })
})
