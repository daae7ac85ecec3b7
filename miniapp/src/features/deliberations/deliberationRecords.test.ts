import { attendeeChoices, checkAttendee, meetingFiles } from './deliberationRecords'

describe('meetingFiles', () => {
  it('names pictures and documents by their place and kind', () => {
    const files = meetingFiles([
      { id: 7, url: '/api/files/7?exp=1&sig=a', mime: 'image/jpeg', size: 2048 },
      { id: 8, url: '/api/files/8?exp=1&sig=b', mime: 'application/pdf', size: 4096 },
      { id: 9, url: '/api/files/9?exp=1&sig=c', mime: 'application/octet-stream', size: 10 },
    ])
    expect(files.map((f) => [f.fileId, f.name])).toEqual([
      [7, '照片 1'],
      [8, '会议附件 2（PDF）'],
      [9, '会议附件 3（文件）'],
    ])
    expect(files[1]).toMatchObject({ url: '/api/files/8?exp=1&sig=b', mime: 'application/pdf', size: 4096 })
  })
})

describe('attendeeChoices', () => {
  const officials = [
    { accountId: 1, name: '赵建国', townshipName: '柳林镇' },
    { accountId: 2, name: '孙梅', townshipName: '柳林镇' },
  ]
  it('offers the officials not yet listed', () => {
    expect(attendeeChoices(officials, [{ accountId: 1 }])).toEqual([{ value: 2, label: '孙梅（柳林镇）' }])
    expect(attendeeChoices(officials, [])).toHaveLength(2)
    expect(attendeeChoices([], [])).toEqual([])
  })
})

describe('checkAttendee', () => {
  it('wants an official and a post of at most 30 characters', () => {
    expect(checkAttendee({ accountId: null, title: '副镇长' })).toEqual({
      ok: false,
      error: '请选择列席的干部',
    })
    expect(checkAttendee({ accountId: 1, title: '  ' })).toEqual({
      ok: false,
      error: '请填写职务，例如：副镇长',
    })
    expect(checkAttendee({ accountId: 1, title: '长'.repeat(31) })).toEqual({
      ok: false,
      error: '职务最多 30 个字',
    })
    expect(checkAttendee({ accountId: 1, title: ' 柳林镇副镇长 ' })).toEqual({
      ok: true,
      body: { accountId: 1, title: '柳林镇副镇长' },
    })
  })
})
