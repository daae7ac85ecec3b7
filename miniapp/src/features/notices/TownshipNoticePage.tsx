import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { noticeRoutes, objectionAnswerSchema, type ObjectionView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView, Pending } from '@/components/States'
import { ComposeForm } from '@/features/grievances/ComposeForm'
import { ModerationNote } from '@/features/content-check/ModerationNote'
import { NoticeArticle } from './NoticeContent'
import { ObjectionCard } from './ObjectionCard'
import { VersionHistory } from './VersionHistory'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { firstFound, idParam, orgCandidates } from '@/logic/links'
import { allVillageIds } from './townshipCalendar'
import { townshipGate, useTownship } from '@/features/township/useTownship'

/**
 * A notice of one of the township's villages with all its objections; the township answers the ones
 * residents brought to it. A notification names only the notice: its village is looked up among the
 * township's villages.
 */
export function TownshipNoticePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const found = useResource(
    ctx.townshipId !== null && id !== null
      ? async () => {
          const fromLink = idParam(params.villageId)
          const villages = fromLink
            ? [fromLink]
            : await allVillageIds((after) =>
                call(
                  noticeRoutes.townshipCalendar,
                  {
                    params: { townshipId },
                    query: { pageSize: 100, ...(after !== undefined ? { after } : {}) },
                  },
                  { toast: false },
                ),
              )
          return firstFound(orgCandidates(null, null, villages), (v) =>
            call(noticeRoutes.detail, { params: { villageId: v, id } }, { toast: false }),
          )
        }
      : null,
    [ctx.townshipId, id, params.villageId],
  )
  const villageId = found.data?.orgId ?? null
  const objections = useResource<ObjectionView[]>(
    villageId !== null && id !== null
      ? () => call(noticeRoutes.objections, { params: { villageId, id } }, { toast: false })
      : null,
    [villageId, id],
  )
  useReshow(() => void objections.reload())
  usePullDownRefresh(() => {
    void Promise.all([found.reload(), objections.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = townshipGate(ctx, '村务公开督办')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const n = found.data.value
  const list = objections.data ?? []

  return (
    <PageRoot>
      <NoticeArticle notice={n} shown={n} />
      <ModerationNote m={n.moderation} />
      <View className="xl-section-title">异议 {list.length} 件</View>
      {objections.loading && !objections.data ? <LoadingView /> : null}
      {objections.error && !objections.data ? (
        <ErrorView error={objections.error} onRetry={() => void objections.reload()} />
      ) : null}
      {objections.data && list.length === 0 ? <EmptyView title="这条公告没有异议" /> : null}
      {list.map((o) => (
        <ObjectionCard key={o.id} o={o}>
          {o.state === 'escalated' ? (
            <ComposeForm
              title="乡镇答复"
              placeholder="写清楚核查的情况和处理意见，提出人和村委会都会收到"
              submitText="发送答复"
              villageId={o.villageId}
              schema={objectionAnswerSchema}
              maxLength={1000}
              onSubmit={async (body, key) => {
                const answered = await call(
                  noticeRoutes.townshipAnswer,
                  { params: { townshipId, oid: o.id }, body },
                  { idempotencyKey: key },
                )
                objections.setData((l) => (l ?? []).map((x) => (x.id === answered.id ? answered : x)))
                void Taro.showToast({ title: '已答复', icon: 'success' })
              }}
            />
          ) : null}
        </ObjectionCard>
      ))}
      <VersionHistory versions={n.versions} category={n.category} />
    </PageRoot>
  )
}
