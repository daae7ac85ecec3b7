import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { opinionCreateSchema } from '@xiangli/shared'
import { ComposeForm } from '@/features/grievances/ComposeForm'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { windowView } from './deliberationSolicit'
import { idParam } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import './deliberation.scss'
import { call } from '@/api/request'
import { deliberationRoutes } from '@xiangli/shared'

/**
 * 一征: a resident's opinion on a matter the community asks about, with photos, while the window is
 * open. The photos go up one by one as in 村民说事; the committee sums up all opinions afterwards.
 */
export function OpinionPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId
  const found = useResource(
    villageId !== null && id !== null
      ? () => call(deliberationRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [villageId, id],
  )

  const gate = residentGate(ctx, '提意见')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id === null)
    return (
      <PageRoot>
        <EmptyView title="没有找到这项议事" description="链接不完整，请从“村里议事”里打开。" />
      </PageRoot>
    )
  if (found.loading && !found.data) return <PageRoot>{<LoadingView />}</PageRoot>
  if (!found.data || villageId === null)
    return (
      <PageRoot>
        <ErrorView error={found.error} onRetry={() => void found.reload()} />
      </PageRoot>
    )
  const d = found.data
  const s = d.solicitation ?? null
  const window = s ? windowView(s) : null
  if (!s || !window || window.state !== 'open' || !s.canGiveOpinion)
    return (
      <PageRoot>
        <EmptyView
          title="现在不能提意见"
          description={
            window?.state === 'closed'
              ? '征求意见已经截止。还有想法，可以到社区（村）委会当面说。'
              : window?.state === 'open'
                ? '只有本社区（村）的居民能提意见。'
                : '社区（村）委会开始征求意见后，就能在这里提意见。'
          }
        />
      </PageRoot>
    )

  return (
    <PageRoot className="xl-delib-opinion">
      <View className="xl-card">
        <View className="xl-muted">征求意见</View>
        <View className="xl-card__title">{d.title}</View>
        <View className="xl-delib-content">{d.content}</View>
        <View className="xl-muted">{window.text}</View>
      </View>
      <ComposeForm
        title="您的意见"
        placeholder="说说您赞成什么、担心什么、有什么建议，例如：支持加装电梯，希望把一楼住户的补偿写进方案"
        submitText="提交意见"
        villageId={villageId}
        schema={opinionCreateSchema}
        maxLength={1000}
        onSubmit={async (body, key) => {
          await call(
            deliberationRoutes.submitOpinion,
            { params: { villageId, id: d.id }, body },
            { idempotencyKey: key },
          )
          void Taro.showToast({ title: '意见已提交', icon: 'success' })
          // back to the deliberation (which counts the opinion when it shows again), or to it from a link
          if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
          else void Taro.redirectTo({ url: withQuery(ROUTES.deliberationDetail, { id: d.id, villageId }) })
        }}
      />
      <View className="xl-card xl-muted">
        您的意见只有您自己、社区（村）两委、监督委员会和乡镇（街道）看得到。征求意见截止后，两委会汇总大家的意见并公布，接着才开始提议。
      </View>
    </PageRoot>
  )
}
