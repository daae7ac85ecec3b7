import { ERRORS } from '@xiangli/shared'
import { ApiError, buildQuery, randomKey, errorFromResponse, messageFor } from './core'
import { answer, apiError, scriptedTransport, setup } from './core.fixtures'

describe('the request core', () => {
  describe('error messages', () => {
    it('shows the message the server wrote for the code', async () => {
      const { transport } = scriptedTransport(() =>
        answer(409, apiError('VERIFICATION_PENDING', '您在幸福村的认证申请正在等待村委会确认')),
      )
      const { api, shown } = setup(transport)

      await expect(api.request('/api/me/verifications', { method: 'POST', body: {} })).rejects.toBeInstanceOf(
        ApiError,
      )
      expect(shown[0]).toMatchObject({
        code: 'VERIFICATION_PENDING',
        message: '您在幸福村的认证申请正在等待村委会确认',
      })
    })

    it('falls back to the shared message for the code when the server sent none', async () => {
      const { transport } = scriptedTransport(() => answer(403, { code: 'NOT_VERIFIED', requestId: 'r' }))
      const { api, shown } = setup(transport)

      await expect(api.request('/api/villages/1/home')).rejects.toMatchObject({ code: 'NOT_VERIFIED' })
      expect(shown[0]!.message).toBe(ERRORS.NOT_VERIFIED.message)
    })

    it('says what kind of refusal it was when a feature code came without the server’s words', () => {
      const bare = (status: number, code: string) =>
        errorFromResponse(answer(status, { code, requestId: 'r' })).message
      expect(bare(403, 'POINTS_NOT_COMMITTEE')).toBe(ERRORS.FORBIDDEN.message)
      expect(bare(404, 'ACTIVITY_GONE')).toBe(ERRORS.NOT_FOUND.message)
      expect(bare(409, 'NOTICE_ALREADY_PUBLISHED')).toBe(ERRORS.BAD_REQUEST.message)
      expect(bare(502, 'SOMETHING_NEW')).toBe(ERRORS.INTERNAL.message)
      // the server's words, whenever it sent them
      expect(messageFor('NOTICE_ALREADY_PUBLISHED', '公告已经发布了', 409)).toBe('公告已经发布了')
    })

    it('does not show the error when the page shows it itself', async () => {
      const { transport } = scriptedTransport(() => answer(404, apiError('NOT_FOUND')))
      const { api, shown } = setup(transport)

      await expect(api.request('/api/villages/1/home', { toast: false })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      expect(shown).toHaveLength(0)
    })

    it('keeps the request id and details of the failure', () => {
      const error = errorFromResponse(
        answer(400, {
          code: 'VALIDATION_FAILED',
          message: '',
          requestId: 'abc',
          details: { field: 'phone' },
        }),
      )
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        status: 400,
        requestId: 'abc',
        details: { field: 'phone' },
      })
      expect(error.message).toBe(ERRORS.VALIDATION_FAILED.message)
    })

    it('says a plain sentence when a proxy answers with a page instead of an error body', () => {
      expect(errorFromResponse(answer(500, '<html>oops</html>'))).toMatchObject({
        code: 'INTERNAL',
        message: ERRORS.INTERNAL.message,
      })
      expect(errorFromResponse(answer(404, null))).toMatchObject({ code: 'BAD_RESPONSE' })
    })

    it('keeps a code this version does not know, with the server message', () => {
      expect(messageFor('SOMETHING_NEW', '新功能的提示')).toBe('新功能的提示')
      expect(messageFor('SOMETHING_NEW')).toBe(ERRORS.INTERNAL.message)
    })
  })

  it('sends a file upload with its field name, token and key, without a JSON content type', async () => {
    const { transport, calls } = scriptedTransport(() => answer(200, { imported: 3 }))
    const { api } = setup(transport)

    await api.request('/api/villages/5/roster/import', {
      method: 'POST',
      upload: { field: 'file', filePath: 'wxfile://tmp/roster.xlsx', fileName: 'roster.xlsx' },
    })

    expect(calls[0]).toMatchObject({
      upload: { field: 'file', filePath: 'wxfile://tmp/roster.xlsx' },
      headers: { Authorization: 'Bearer access-1', 'Idempotency-Key': 'key-1' },
    })
    expect(calls[0]!.headers['Content-Type']).toBeUndefined()
  })
})

describe('randomKey', () => {
  it('makes keys the server accepts (8 to 128 of letters, digits, _ . : -) and never the same twice', () => {
    const keys = Array.from({ length: 1000 }, randomKey)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('buildQuery', () => {
  it('leaves out empty values and encodes Chinese text', () => {
    expect(buildQuery({ page: 1, q: '张', state: 'pending', householdId: undefined, x: null, y: '' })).toBe(
      '?page=1&q=%E5%BC%A0&state=pending',
    )
  })

  it('is empty when there is nothing to send', () => {
    expect(buildQuery({})).toBe('')
    expect(buildQuery()).toBe('')
  })
})
