import { submissionFor } from './submission'

describe('submissionFor', () => {
  let n = 0
  const newKey = () => `key-${++n}`
  beforeEach(() => {
    n = 0
  })

  it('starts a submission with a fresh key', () => {
    expect(submissionFor(null, { name: '张三' }, newKey).key).toBe('key-1')
  })

  it('keeps the key when the same content is submitted again', () => {
    const first = submissionFor(null, { name: '张三', phone: '138' }, newKey)
    expect(submissionFor(first, { name: '张三', phone: '138' }, newKey).key).toBe('key-1')
  })

  it('takes a new key once the content changed', () => {
    const first = submissionFor(null, { name: '张三' }, newKey)
    expect(submissionFor(first, { name: '张山' }, newKey).key).toBe('key-2')
  })
})
