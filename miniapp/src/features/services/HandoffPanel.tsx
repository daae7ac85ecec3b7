import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  convenienceServiceRoutes,
  SERVICE_HANDOFFS,
  SERVICE_LIMITS,
  type ServiceHandoff,
  type ServiceRequestView,
} from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { Field, FormSection } from '@/components/Form'
import { PhotoPicker } from '@/components/Photos'
import { ReasonDialog } from '@/components/ReasonDialog'
import { asApiError } from '@/hooks/useResource'
import type { DraftPhoto } from '@/logic/photoDraft'
import { handoffBody, handoffButton } from './service'
import './services.scss'

/**
 * 帮办代办 at the desk: the next hand-off of this request (材料已收取, 已递交 with the office and who
 * received it, 结果已取回, 已送达), a note and a photo of the receipt; or 未能办理 with the reason.
 */
export function HandoffPanel({
  r,
  villageId,
  onDone,
}: {
  r: ServiceRequestView
  villageId: number
  onDone: (next: ServiceRequestView) => void
}) {
  const kind = SERVICE_HANDOFFS.find((k) => r.actions.includes(k)) ?? null
  const [office, setOffice] = useState(r.office)
  const [receiver, setReceiver] = useState('')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [sending, setSending] = useState(false)
  const [refusing, setRefusing] = useState(false)
  const params = { villageId, id: r.id }

  async function record(k: ServiceHandoff) {
    if (photos.some((p) => p.fileId === null)) {
      void Taro.showToast({ title: '照片还没传好，请稍等或删掉重拍', icon: 'none' })
      return
    }
    const checked = handoffBody(k, { office, receiver, note }, photos[0]?.fileId ?? null)
    if (!checked.ok) return setProblem(checked.problem)
    setSending(true)
    try {
      const next = await call(
        convenienceServiceRoutes.handoff,
        { params, body: checked.body },
        { toast: false },
      )
      setNote('')
      setPhotos([])
      void Taro.showToast({ title: '已登记', icon: 'success' })
      onDone(next)
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  if (kind === null && !r.actions.includes('refuse')) return null
  return (
    <View className="svc__panel">
      <View className="xl-section-title">登记交接</View>
      {kind ? (
        <FormSection>
          {kind === 'hand_over' ? (
            <>
              <Field label="递交到哪个单位">
                <Input value={office} maxLength={SERVICE_LIMITS.office} onChange={setOffice} />
              </Field>
              <Field label="接收人" error={problem}>
                <Input
                  value={receiver}
                  placeholder="办理单位收材料的人"
                  maxLength={SERVICE_LIMITS.receiver}
                  onChange={(v) => {
                    setReceiver(v)
                    setProblem(undefined)
                  }}
                />
              </Field>
            </>
          ) : null}
          <Field label="备注（可不填）">
            <TextArea value={note} maxLength={SERVICE_LIMITS.note} autoSize onChange={setNote} />
          </Field>
          <Field label="回执照片（可不拍）">
            <PhotoPicker
              villageId={villageId}
              photos={photos}
              onChange={(update) => setPhotos(update)}
              max={1}
              disabled={sending}
            />
          </Field>
        </FormSection>
      ) : null}
      <View className="svc__actions">
        {kind ? (
          <Button type="primary" size="xlarge" block loading={sending} onClick={() => void record(kind)}>
            {handoffButton(kind, r.handling)}
          </Button>
        ) : null}
        {r.actions.includes('refuse') ? (
          <Button size="large" block disabled={sending} onClick={() => setRefusing(true)}>
            未能办理
          </Button>
        ) : null}
      </View>
      <ReasonDialog
        visible={refusing}
        title="未能办理"
        hint="写明原因，村民会收到消息，也能在办理经过里看到。"
        placeholder="例如：户籍不在本县，请到户籍所在地办理"
        confirmText="确定"
        maxLength={SERVICE_LIMITS.reason}
        check={(t) => (t.trim() === '' ? '请写明原因' : null)}
        onSubmit={async (reason) => {
          try {
            onDone(
              await call(convenienceServiceRoutes.refuse, { params, body: { reason } }, { toast: false }),
            )
            setRefusing(false)
          } catch (e) {
            const error = asApiError(e)
            if (!error.sessionEnded) showProblem(error.message)
            throw e
          }
        }}
        onClose={() => setRefusing(false)}
      />
    </View>
  )
}
