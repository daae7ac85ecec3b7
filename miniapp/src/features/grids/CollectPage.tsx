import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { gridRoutes, grievanceCollectSchema, grievanceRoutes } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call } from '@/api/request'
import { Field, FormSection } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import { collectable, toggle } from './grids'
import './grids.scss'

/**
 * 民情收集: the 网格员 writes down what a resident of their grid told them on their rounds and names
 * the residents it concerns; it goes to the 两委 like any issue, and those residents follow it.
 */
export function CollectPage() {
  const { params } = useRouter()
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.myGrid
  const villageId = ctx.villageId ?? 0
  const gridId = idParam(params.gridId)
  const grid = useResource(
    allowed && gridId !== null
      ? () => call(gridRoutes.detail, { params: { villageId, id: gridId } }, { toast: false })
      : null,
    [allowed, villageId, gridId],
  )
  const categories = useResource(
    allowed ? () => call(grievanceRoutes.categories, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const [category, setCategory] = useState('')
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [people, setPeople] = useState<number[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [key] = useState(randomKey)

  const gate = committeeGate(ctx, 'myGrid', '民情收集')
  if (gate) return <PageRoot>{gate}</PageRoot>
  // opened without its grid (an old link, a typed address): say where to start instead of loading forever
  if (gridId === null)
    return (
      <PageRoot>
        <EmptyView
          title="请先选一个网格"
          description="民情收集要记在您负责的网格里，请从“我的网格”进入。"
          action={{
            text: '去我的网格',
            onClick: () => void Taro.redirectTo({ url: withQuery(ROUTES.gridMine, { villageId }) }),
          }}
        />
      </PageRoot>
    )
  if (!grid.data || !categories.data)
    return (
      <PageRoot>
        {grid.error || categories.error ? (
          <ErrorView
            error={grid.error ?? categories.error}
            onRetry={() => void Promise.all([grid.reload(), categories.reload()])}
          />
        ) : (
          <LoadingView />
        )}
      </PageRoot>
    )

  async function send() {
    const parsed = grievanceCollectSchema.safeParse({
      category,
      title,
      text,
      residentIds: people,
      visibility: 'committee',
    })
    if (!parsed.success) {
      setProblem(category ? (parsed.error.issues[0]?.message ?? '请检查填写的内容') : '请选择分类')
      return
    }
    setProblem(null)
    setSending(true)
    try {
      const g = await call(
        grievanceRoutes.collect,
        { params: { villageId }, body: parsed.data },
        { idempotencyKey: key },
      )
      void Taro.redirectTo({ url: withQuery(ROUTES.grievanceDetail, { id: g.id, villageId }) })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="collect">
      <FormSection title="涉及哪些住户" intro={`${grid.data.name}的住户，可以选几位`}>
        <View className="grid-pick">
          {collectable(grid.data.households).map((p) => (
            <View
              key={p.value}
              className={`xl-chip${people.includes(p.value) ? ' xl-chip--on' : ''}`}
              onClick={() => setPeople((ids) => toggle(ids, p.value))}
            >
              {p.label}
            </View>
          ))}
        </View>
      </FormSection>
      <FormSection title="听到了什么" intro="只有村（居）委会和您选的住户能看到。">
        <Field label="分类">
          <View className="grid-pick">
            {categories.data.map((c) => (
              <View
                key={c}
                className={`xl-chip${category === c ? ' xl-chip--on' : ''}`}
                onClick={() => setCategory(c)}
              >
                {c}
              </View>
            ))}
          </View>
        </Field>
        <Field label="标题">
          <Input
            value={title}
            placeholder="一句话说清楚，例如：王家门口排水沟堵了"
            maxLength={40}
            onChange={setTitle}
          />
        </Field>
        <Field label="具体情况" error={problem ?? undefined}>
          <TextArea
            value={text}
            placeholder="住户怎么说的、在哪里、有什么影响"
            maxLength={1000}
            showCount
            autoSize
            onChange={setText}
          />
        </Field>
        <View className="xl-actions">
          <Button
            type="primary"
            size="large"
            block
            loading={sending}
            disabled={sending}
            onClick={() => void send()}
          >
            报给村里
          </Button>
        </View>
      </FormSection>
    </PageRoot>
  )
}
