import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  convenienceServiceRoutes,
  SERVICE_DAY_KINDS,
  SERVICE_HANDLING_LABELS,
  SERVICE_HANDLINGS,
  SERVICE_LIMITS,
  type ServiceItem,
} from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Field, FormSection } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { StateTag } from '@/components/StateTag'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import { asApiError, useResource } from '@/hooks/useResource'
import { blankDraft, checkEdit, checkNew, draftOf, type CatalogueDraft } from './catalogueForm'
import { Loaded } from './Loaded'
import { handlingText, timeLimitText } from './service'
import './services.scss'

const DAY_KIND_CHIPS = SERVICE_DAY_KINDS.map((k) => ({
  value: k,
  label: k === 'working' ? '工作日' : '自然日',
}))

/**
 * 便民服务目录: the county's services as the township keeps them. Adding or changing one is written to
 * the audit trail and raises its version; requests already filed keep what they were told.
 */
export function CatalogueEditPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const list = useResource(
    ctx.townshipId !== null
      ? () => call(convenienceServiceRoutes.townshipCatalogue, { params: { townshipId } }, { toast: false })
      : null,
    [ctx.townshipId],
  )
  const [editing, setEditing] = useState<{ code: string | null; draft: CatalogueDraft } | null>(null)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [sending, setSending] = useState(false)
  const gate = townshipGate(ctx, '管理便民服务目录')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const open = (i: ServiceItem | null) => {
    setProblem(undefined)
    setEditing({ code: i?.code ?? null, draft: i ? draftOf(i) : blankDraft() })
  }
  const set = (patch: Partial<CatalogueDraft>) => {
    setProblem(undefined)
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e))
  }

  /** Sends the form: the item added, or its change; the list is read again after. */
  async function send(run: () => Promise<unknown>) {
    setSending(true)
    try {
      await run()
      void Taro.showToast({ title: '已保存', icon: 'success' })
      setEditing(null)
      await list.reload()
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  function save() {
    if (!editing) return
    const code = editing.code
    if (code === null) {
      const checked = checkNew(editing.draft)
      if (!checked.ok) return setProblem(checked.problem)
      void send(() =>
        call(
          convenienceServiceRoutes.townshipAddItem,
          { params: { townshipId }, body: checked.body },
          { toast: false },
        ),
      )
      return
    }
    const checked = checkEdit(editing.draft)
    if (!checked.ok) return setProblem(checked.problem)
    void send(() =>
      call(
        convenienceServiceRoutes.townshipEditItem,
        { params: { townshipId, code }, body: checked.body },
        { toast: false },
      ),
    )
  }

  if (editing) {
    const d = editing.draft
    return (
      <PageRoot className="svc">
        <FormSection title={editing.code === null ? '添加服务事项' : `修改：${d.name}`}>
          {editing.code === null ? (
            <Field label="事项编号（英文小写，保存后不能改）">
              <Input
                value={d.code}
                placeholder="例如 farm_subsidy"
                maxLength={SERVICE_LIMITS.code}
                onChange={(v) => set({ code: v })}
              />
            </Field>
          ) : null}
          <Field label="事项名称">
            <Input value={d.name} maxLength={SERVICE_LIMITS.name} onChange={(v) => set({ name: v })} />
          </Field>
          <Field label="办理单位">
            <Input value={d.office} maxLength={SERVICE_LIMITS.office} onChange={(v) => set({ office: v })} />
          </Field>
          <Field label="要带的材料（一行一样）">
            <TextArea value={d.materials} autoSize onChange={(v) => set({ materials: v })} />
          </Field>
          <Field label="办理时限（天数）">
            <Input
              value={d.timeLimitDays}
              type="number"
              maxLength={3}
              onChange={(v) => set({ timeLimitDays: v })}
            />
          </Field>
          <Field label="时限按">
            <Chips options={DAY_KIND_CHIPS} value={d.dayKind} onChange={(k) => set({ dayKind: k })} />
          </Field>
          <Field label="怎么办">
            <Chips
              options={SERVICE_HANDLINGS.map((h) => ({ value: h, label: SERVICE_HANDLING_LABELS[h] }))}
              value={d.handling}
              onChange={(h) => set({ handling: h })}
            />
          </Field>
          <Field label="说明（可不填）">
            <TextArea
              value={d.description}
              maxLength={SERVICE_LIMITS.description}
              autoSize
              onChange={(v) => set({ description: v })}
            />
          </Field>
          <Field label="是否在办" error={problem}>
            <Chips
              options={[
                { value: 'on', label: '在办' },
                { value: 'off', label: '停办' },
              ]}
              value={d.active ? 'on' : 'off'}
              onChange={(v) => set({ active: v === 'on' })}
            />
          </Field>
        </FormSection>
        <View className="svc__actions">
          <Button type="primary" size="xlarge" block loading={sending} onClick={save}>
            保存
          </Button>
          <Button size="large" block disabled={sending} onClick={() => setEditing(null)}>
            不改了
          </Button>
        </View>
      </PageRoot>
    )
  }

  return (
    <PageRoot className="svc">
      <View className="xl-card svc__facts xl-muted">
        这是全县的便民服务目录，各村按它受理。修改会记入操作记录；已经提交的申请按提交时的内容办理。
      </View>
      <View className="svc__actions">
        <Button type="primary" size="large" block onClick={() => open(null)}>
          添加服务事项
        </Button>
      </View>
      <Loaded resource={list} empty={{ title: '目录里还没有事项', description: '点上面的按钮添加第一项。' }}>
        {(items) =>
          items.map((i) => (
            <View key={i.code} className="xl-card xl-tap" onClick={() => open(i)}>
              <View className="svc__row-head">
                <Text className="svc__title">{i.name}</Text>
                <StateTag tone={i.active ? 'working' : 'stopped'} label={i.active ? '在办' : '已停办'} />
              </View>
              <View className="svc__meta">
                <Text>{i.office}</Text>
                <Text>{timeLimitText(i)}</Text>
                <Text>{handlingText(i.handling)}</Text>
                <Text>第 {i.version} 版</Text>
              </View>
            </View>
          ))
        }
      </Loaded>
    </PageRoot>
  )
}
