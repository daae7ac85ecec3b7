import { fileLink, firstFound, idParam, orgCandidates, thumbLink } from './links'

describe('links', () => {
  it('puts the API origin in front of a photo path, and leaves whole URLs alone', () => {
    expect(fileLink('/api/files/3?exp=1&sig=x', 'http://localhost:3000')).toBe(
      'http://localhost:3000/api/files/3?exp=1&sig=x',
    )
    expect(fileLink('/api/files/3', '')).toBe('/api/files/3')
    expect(fileLink('blob:http://x/1', 'http://a')).toBe('blob:http://x/1')
  })

  it('reads ids from a link and tries the linked org first', () => {
    expect(idParam('12')).toBe(12)
    expect(idParam('0')).toBeNull()
    expect(idParam('abc')).toBeNull()
    expect(idParam(undefined)).toBeNull()
    expect(orgCandidates(3, 5, [5, 3, 9])).toEqual([3, 5, 9])
    expect(orgCandidates(null, 5, [9])).toEqual([5, 9])
  })
})

describe('firstFound', () => {
  const miss = (code: string) => Object.assign(new Error(code), { code })

  it('takes the first org that has the item', async () => {
    const load = jest.fn(async (org: number) => {
      if (org !== 9) throw miss('NOT_FOUND')
      return `item in ${org}`
    })
    await expect(firstFound([3, 9, 12], load)).resolves.toEqual({ orgId: 9, value: 'item in 9' })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('stops at a failure that is not a miss', async () => {
    const load = jest.fn(async () => {
      throw miss('NETWORK_FAILED')
    })
    await expect(firstFound([3, 9], load)).rejects.toMatchObject({ code: 'NETWORK_FAILED' })
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('answers with the last miss, or NOT_FOUND with nothing to try', async () => {
    await expect(firstFound([3], async () => Promise.reject(miss('OUT_OF_SCOPE')))).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    })
    await expect(firstFound([], async () => 1)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('thumbLink', () => {
  it('asks the files route for the thumbnail, keeping the signed proof', () => {
    expect(thumbLink('/api/files/3?exp=1&sig=x')).toBe('/api/files/3?exp=1&sig=x&size=thumb')
    expect(thumbLink('http://localhost:3000/api/files/3')).toBe(
      'http://localhost:3000/api/files/3?size=thumb',
    )
  })
  it('leaves pictures that are not from the files route alone', () => {
    expect(thumbLink('blob:http://x/1')).toBe('blob:http://x/1')
    expect(thumbLink('wxfile://tmp_1.jpg')).toBe('wxfile://tmp_1.jpg')
  })
})
