import { ERRORS, ErrorCode, isErrorCode } from './errors'

describe('error codes', () => {
  const codes = Object.values(ErrorCode)

  it('spells every code the same as its key', () => {
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key)
  })

  it('describes exactly the codes there are', () => {
    expect(Object.keys(ERRORS).sort()).toEqual([...codes].sort())
  })

  it.each(codes)('%s answers with a 4xx or 5xx status and a Chinese message', (code) => {
    const { status, message } = ERRORS[code]
    expect(Number.isInteger(status)).toBe(true)
    expect(status >= 400 && status <= 599).toBe(true)
    expect(message.trim().length).toBeGreaterThan(0)
    expect(message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('uses a 5xx status only where the fault is on our side or upstream', () => {
    expect(codes.filter((c) => ERRORS[c].status >= 500).sort()).toEqual([
      'CERTIFICATE_PDF_UNAVAILABLE',
      'INTERNAL',
      'WECHAT_UNAVAILABLE',
    ])
  })

  it('recognises its own codes and nothing else', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true)
    expect(isErrorCode('not_found')).toBe(false)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode(404)).toBe(false)
  })
})
