import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  grievanceAnswerSchema,
  townshipReturnSchema,
  type GrievanceView,
  grievanceRoutes,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { ErrorView, LoadingView } from '@/components/States'
import { ComposeForm } from './ComposeForm'
import { GrievanceBody } from './GrievanceBody'
import { useLinkedItem } from '@/hooks/useLinkedItem'
import { useReshow } from '@/hooks/useReshow'
import { idParam, orgCandidates } from '@/logic/links'
import { townshipActions } from './grievance'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import './TownshipGrievancePage.scss'

/** An issue a village sent up or let run late: the township answers it, or sends it back with instructions. */
export function TownshipGrievancePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useTownship()
  const townships = orgCandidates(ctx.townshipId, null, ctx.townshipIds)
  const found = useLinkedItem(ctx.me, townships, id, (t, item) =>
    call(grievanceRoutes.townshipDetail, { params: { townshipId: t, id: item } }, { toast: false }),
  )
  const [returning, setReturning] = useState(false)

  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = townshipGate(ctx, '督办村民说事')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        {found.loading ? (
          <LoadingView />
        ) : (
          <ErrorView error={found.error} onRetry={() => void found.reload()} />
        )}
      </PageRoot>
    )

  const townshipId = found.data.orgId
  const g = found.data.value
  const actions = townshipActions(g.state)
  const show = (view: GrievanceView) => found.setData(() => ({ orgId: townshipId, value: view }))

  return (
    <PageRoot className="township-item">
      <GrievanceBody g={g} showVillage />

      {actions.includes('township_return') ? (
        <View className="xl-card">
          <View className="xl-card__title">交回村里办理</View>
          <View className="xl-card__text">村里能办的，写明办理意见退回，村里要重新在期限内答复。</View>
          <View className="xl-actions">
            <Button size="large" onClick={() => setReturning(true)}>
              退回村里办理
            </Button>
          </View>
        </View>
      ) : null}

      {actions.includes('township_answer') ? (
        <ComposeForm
          title="乡镇直接答复"
          placeholder="写清楚镇里怎么处理、结果如何；村民和村委会都会收到通知"
          submitText="发送答复"
          // photos of the answer belong to the issue's village
          villageId={g.villageId}
          schema={grievanceAnswerSchema}
          maxLength={1000}
          onSubmit={async (body, key) => {
            show(
              await call(
                grievanceRoutes.townshipAnswer,
                { params: { townshipId, id: g.id }, body },
                { idempotencyKey: key },
              ),
            )
            void Taro.showToast({ title: '已答复', icon: 'success' })
          }}
        />
      ) : null}

      <ReasonDialog
        visible={returning}
        title="退回村里办理"
        hint="写明办理意见，村委会会收到："
        placeholder="例如：请村里三天内组织人员清理，并回复村民"
        confirmText="退回"
        maxLength={500}
        check={(instructions) => {
          const r = townshipReturnSchema.safeParse({ instructions })
          return r.success ? null : (r.error.issues[0]?.message ?? '请填写办理意见')
        }}
        onSubmit={async (instructions) => {
          show(
            await call(grievanceRoutes.townshipReturn, {
              params: { townshipId, id: g.id },
              body: { instructions },
            }),
          )
          setReturning(false)
          void Taro.showToast({ title: '已退回', icon: 'success' })
        }}
        onClose={() => setReturning(false)}
      />
    </PageRoot>
  )
}
