import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { pollRoutes, POLL_NOT_BINDING } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { StateTag } from '@/components/StateTag'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { withQuery } from '@/routes'
import { POLL_PAGES, POLL_STATE_TONE, pollStateLabel } from './poll'
import './polls.scss'

/** The village's polls, open ones first; the committee's list has a button to start one. */
export function PollListPage({ committee = false }: { committee?: boolean }) {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const list = useResource(
    ctx.villageId !== null ? () => call(pollRoutes.list, { params: { villageId } }, { toast: false }) : null,
    [ctx.villageId],
  )
  useReshow(() => void list.reload())
  const gate = residentGate(ctx, '问卷', {
    title: '实名认证后才能参加问卷',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能填写村里的问卷。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const go = (url: string) => void Taro.navigateTo({ url })

  let body
  if (list.loading && !list.data) body = <LoadingView />
  else if (list.error && !list.data)
    body = <ErrorView error={list.error} onRetry={() => void list.reload()} />
  else if (!list.data || list.data.length === 0)
    body = (
      <EmptyView
        title="还没有问卷"
        description={
          committee ? '想听听大家对某件事的看法，可以发起一个问卷。' : '村里发起问卷后会在这里显示。'
        }
      />
    )
  else
    body = list.data.map((p) => (
      <View
        key={p.id}
        className="xl-card poll__row xl-tap"
        onClick={() => go(withQuery(POLL_PAGES.detail, { id: p.id, villageId }))}
      >
        <View className="poll__row-head">
          <Text className="poll__title">{p.title}</Text>
          <StateTag tone={POLL_STATE_TONE[p.state]} label={pollStateLabel(p.state)} />
        </View>
        <View className="poll__meta">
          <Text>截止 {p.endsOn}</Text>
          <Text>{p.respondents} 人已填</Text>
          {p.answeredByMe ? <Text>我已填写</Text> : null}
        </View>
      </View>
    ))

  return (
    <PageRoot className="poll">
      <View className="xl-card poll__binding">{POLL_NOT_BINDING}</View>
      {committee ? (
        <View className="poll__start">
          <Button
            type="primary"
            size="large"
            block
            onClick={() => go(withQuery(POLL_PAGES.create, { villageId }))}
          >
            发起问卷
          </Button>
        </View>
      ) : null}
      {body}
    </PageRoot>
  )
}
