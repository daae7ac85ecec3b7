import Taro from '@tarojs/taro'
import { grievanceReplySchema, grievanceRoutes, type GrievanceView } from '@xiangli/shared'
import { call } from '@/api/request'
import { ComposeForm } from './ComposeForm'

interface Props {
  villageId: number
  id: number
  title: string
  placeholder: string
  submitText: string
  /** the issue as it stands after the message */
  onSent: (view: GrievanceView) => void
}

/** A message on an issue (the resident's 补充情况, the committee's 留言): sent, shown, 已发送. */
export function GrievanceReplyForm({ villageId, id, title, placeholder, submitText, onSent }: Props) {
  return (
    <ComposeForm
      title={title}
      placeholder={placeholder}
      submitText={submitText}
      villageId={villageId}
      schema={grievanceReplySchema}
      maxLength={500}
      onSubmit={async (body, key) => {
        onSent(
          await call(grievanceRoutes.reply, { params: { villageId, id }, body }, { idempotencyKey: key }),
        )
        void Taro.showToast({ title: '已发送', icon: 'success' })
      }}
    />
  )
}
