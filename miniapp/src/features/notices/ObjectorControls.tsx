import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { noticeRoutes, objectionEscalateSchema, type ObjectionView } from '@xiangli/shared'
import { call } from '@/api/request'
import { objectorActions } from './notice'
import { ReasonDialog } from '@/components/ReasonDialog'

/**
 * Under the objector's own objection: accept the committee's answer, or take it to the township (also
 * when the committee did not answer in time).
 */
export function ObjectorControls({
  o,
  onChange,
}: {
  o: ObjectionView
  onChange: (o: ObjectionView) => void
}) {
  const can = objectorActions(o)
  const [escalating, setEscalating] = useState(false)
  const [accepting, setAccepting] = useState(false)
  if (!can.accept && !can.escalate) return null

  async function accept() {
    const { confirm } = await Taro.showModal({
      title: '认可答复',
      content: '认可后这条异议就办结了，确定吗？',
      confirmText: '认可',
    })
    if (!confirm) return
    setAccepting(true)
    try {
      onChange(await call(noticeRoutes.accept, { params: { villageId: o.villageId, oid: o.id } }))
      void Taro.showToast({ title: '已认可答复', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setAccepting(false)
    }
  }

  return (
    <>
      <View className="xl-actions">
        {can.accept ? (
          <Button type="primary" size="large" loading={accepting} onClick={() => void accept()}>
            认可答复
          </Button>
        ) : null}
        {can.escalate ? (
          <Button size="large" onClick={() => setEscalating(true)}>
            {o.state === 'submitted' ? '超时未答复，反映到乡镇' : '不认可，反映到乡镇'}
          </Button>
        ) : null}
      </View>
      <ReasonDialog
        visible={escalating}
        title="反映到乡镇"
        hint="乡镇（街道）会看到这条异议、村委会的答复和您的理由："
        placeholder="例如：答复没有说明这笔钱的去向"
        confirmText="反映到乡镇"
        maxLength={500}
        check={(reason) => {
          const r = objectionEscalateSchema.safeParse({ reason })
          return r.success ? null : (r.error.issues[0]?.message ?? '请填写理由')
        }}
        onSubmit={async (reason) => {
          onChange(
            await call(noticeRoutes.escalate, {
              params: { villageId: o.villageId, oid: o.id },
              body: { reason },
            }),
          )
          setEscalating(false)
          void Taro.showToast({ title: '已反映到乡镇', icon: 'success' })
        }}
        onClose={() => setEscalating(false)}
      />
    </>
  )
}
