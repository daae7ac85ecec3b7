import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import type { ReplyTemplate } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { photoProblem, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
import { submissionFor, type Submission } from '@/logic/submission'
import { Chips } from '@/components/Chips'
import { PhotoPicker } from '@/components/Photos'
import './grievance.scss'

export interface ComposeBody {
  text: string
  photoIds: number[]
}

/** What the shared zod schemas (grievanceReplySchema, grievanceAnswerSchema) offer, without importing zod here. */
export interface ComposeSchema {
  safeParse(
    value: unknown,
  ): { success: true; data: ComposeBody } | { success: false; error: { issues: { message: string }[] } }
}

/**
 * Words and photos added to an issue: a resident's reply, the committee's or the township's answer.
 * The shared schema checks the words; one Idempotency-Key per content, so tapping again after a
 * failure does not post twice. Reply templates, when given, fill the box.
 */
export function ComposeForm({
  title,
  placeholder,
  submitText,
  villageId,
  schema,
  maxLength,
  templates = [],
  onSubmit,
}: {
  title: string
  placeholder: string
  submitText: string
  villageId: number
  schema: ComposeSchema
  maxLength: number
  templates?: readonly ReplyTemplate[]
  /** resolves once sent; throws (after the request layer said why) to keep the form filled */
  onSubmit: (body: ComposeBody, idempotencyKey: string) => Promise<void>
}) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const submission = useRef<Submission | null>(null)

  function applyTemplate(t: ReplyTemplate) {
    setText((current) => (current.trim() ? `${current.trim()}\n${t.text}` : t.text))
    setError(null)
  }

  async function send() {
    const problem = photoProblem(photos)
    if (problem) {
      setError(problem)
      return
    }
    const parsed = schema.safeParse({ text, photoIds: uploadedIds(photos) })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请填写内容')
      return
    }
    submission.current = submissionFor(submission.current, parsed.data, randomKey)
    setSending(true)
    try {
      await onSubmit(parsed.data, submission.current.key)
      submission.current = null
      setText('')
      setPhotos([])
      setError(null)
    } catch {
      // the request layer has said what went wrong; the form stays filled in
    } finally {
      setSending(false)
    }
  }

  return (
    <View className="xl-card xl-compose">
      <View className="xl-card__title">{title}</View>
      {templates.length > 0 ? (
        <View className="xl-compose__templates">
          <Text className="xl-muted">常用回复（点一下填进去）：</Text>
          <Chips
            options={templates.map((t, i) => ({ value: i, label: t.title }))}
            value={-1}
            onChange={(i) => {
              const t = templates[i]
              if (t) applyTemplate(t)
            }}
          />
        </View>
      ) : null}
      <View className="xl-compose__box">
        <TextArea
          value={text}
          placeholder={placeholder}
          maxLength={maxLength}
          showCount
          autoSize
          onChange={(v) => {
            setText(v)
            setError(null)
          }}
        />
      </View>
      <PhotoPicker villageId={villageId} photos={photos} onChange={setPhotos} disabled={sending} />
      {error ? <View className="xl-compose__error">{error}</View> : null}
      <View className="xl-actions">
        <Button type="primary" size="large" loading={sending} disabled={sending} onClick={() => void send()}>
          {submitText}
        </Button>
      </View>
    </View>
  )
}
