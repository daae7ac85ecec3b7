import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import './ReasonDialog.scss'

/**
 * Asks for the words a step needs (why it is declined, what the township wants done, why the
 * resident is not satisfied). `check` returns what to fix, or null; the dialog stays open while the
 * request is on its way and when it fails.
 */
export function ReasonDialog({
  visible,
  title,
  hint,
  placeholder,
  confirmText,
  maxLength,
  check,
  onSubmit,
  onClose,
}: {
  visible: boolean
  title: string
  hint: string
  placeholder: string
  confirmText: string
  maxLength: number
  check: (text: string) => string | null
  onSubmit: (text: string) => Promise<void>
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (visible) {
      setText('')
      setError(null)
    }
  }, [visible])

  async function confirm(): Promise<void> {
    const problem = check(text)
    if (problem) {
      setError(problem)
      throw new Error(problem)
    }
    await onSubmit(text.trim())
  }

  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="xl-reason">
        <View className="xl-muted">{hint}</View>
        <TextArea
          value={text}
          placeholder={placeholder}
          maxLength={maxLength}
          showCount
          onChange={(v) => {
            setText(v)
            setError(null)
          }}
        />
        {error ? <View className="xl-danger-text">{error}</View> : null}
      </View>
    </Dialog>
  )
}
