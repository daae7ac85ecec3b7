import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { RULES_TEXT_MAX, rulesDraftSchema, villageRulesRoutes, type RulesKind } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { withQuery } from '@/routes'
import { KIND_OPTIONS, RULES_PAGES } from './rules'
import './rules.scss'

/** Draft a version, or edit a draft (`?id=`): kind, title and the full text, one clause a line. */
export function RulesComposePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [kind, setKind] = useState<RulesKind>('village_rules')
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const [key] = useState(randomKey)

  // editing a draft starts from what it says; a new draft from the text in force, to amend it
  useEffect(() => {
    if (ctx.villageId === null) return
    void (async () => {
      if (id !== null) {
        const v = await call(villageRulesRoutes.detail, { params: { villageId, id } }, { toast: false })
        setKind(v.kind)
        setTitle(v.title)
        setText(v.text)
      }
    })().catch(() => undefined)
  }, [ctx.villageId, id])

  const gate = residentGate(ctx, '村规民约')
  if (gate) return <PageRoot>{gate}</PageRoot>

  async function save() {
    const checked = rulesDraftSchema.safeParse({ kind, title, text })
    if (!checked.success) {
      showProblem(checked.error.issues[0]?.message ?? '请把内容填完整')
      return
    }
    setSending(true)
    try {
      const v =
        id !== null
          ? await call(
              villageRulesRoutes.edit,
              { params: { villageId, id }, body: { title, text } },
              { toast: false },
            )
          : await call(
              villageRulesRoutes.create,
              { params: { villageId }, body: checked.data },
              { idempotencyKey: key, toast: false },
            )
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(RULES_PAGES.version, { id: v.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="rules">
      <View className="xl-card">
        {id === null && (
          <Field label="起草什么">
            <Chips options={KIND_OPTIONS} value={kind} onChange={setKind} />
          </Field>
        )}
        <Field label="标题">
          <Input value={title} placeholder="例如：柳林村村规民约" maxLength={60} onChange={setTitle} />
        </Field>
        <Field label="正文（一条一行）">
          <TextArea
            className="rules__textarea"
            value={text}
            placeholder="第一条 ……"
            maxLength={RULES_TEXT_MAX}
            showCount
            autoSize
            onChange={setText}
          />
        </Field>
      </View>
      <View className="rules__actions">
        <Button
          type="primary"
          size="xlarge"
          block
          loading={sending}
          disabled={sending}
          onClick={() => void save()}
        >
          保存草稿
        </Button>
      </View>
    </PageRoot>
  )
}
