import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { RESIDENCY_LABELS, newcomerRoutes, rosterRoutes, type ResidentView } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { PhotoGrid } from '@/components/Photos'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { useResource } from '@/hooks/useResource'
import { AdmissionForm } from './AdmissionForm'
import { ResidenceForm } from './ResidenceForm'
import { votesLine } from './residence'

/**
 * One person's residence on the roster, as the 两委 keep it: the status with its day and proof, the
 * declaration of a villager living away, the meeting decision admitting a newcomer to the vote.
 */
export function ResidencePage() {
  const ctx = useCommitteeVillage()
  const { params } = useRouter()
  const id = Number(params.id)
  const householdId = Number(params.householdId)
  const allowed = ctx.villageId !== null && ctx.bench.importRoster && id > 0 && householdId > 0
  const villageId = ctx.villageId ?? 0
  const person = useResource(
    allowed
      ? async () =>
          (
            await call(
              rosterRoutes.residents,
              { params: { villageId }, query: { householdId, pageSize: 100 } },
              { toast: false },
            )
          ).items.find((r) => r.id === id) ?? null
      : null,
    [allowed, villageId, id, householdId],
  )
  const [fresh, setFresh] = useState<ResidentView | null>(null)
  const [busy, setBusy] = useState(false)

  const gate = committeeGate(ctx, 'importRoster', '管理居住情况')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (person.loading && !person.data)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    )
  if (person.error && !person.data)
    return (
      <PageRoot>
        <ErrorView error={person.error} onRetry={() => void person.reload()} />
      </PageRoot>
    )
  const r = fresh ?? person.data
  if (!r)
    return (
      <PageRoot>
        <EmptyView title="没有找到这个人" description="可能已经不在花名册上了，请回到花名册重新查找。" />
      </PageRoot>
    )
  const res = r.residence

  /** Runs one change; the answer is the person as the roster now shows them. */
  async function run(change: () => Promise<ResidentView>, done: string) {
    if (busy) return
    setBusy(true)
    try {
      setFresh(await change())
      void Taro.showToast({ title: done, icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }
  const p = { villageId, id: r.id }

  return (
    <PageRoot className="residence">
      <View className="xl-card">
        <View className="xl-card__title">
          {r.name} · {RESIDENCY_LABELS[res.residency]}
        </View>
        <View className="xl-card__text">
          {res.since ? (
            <View>
              {res.residency === 'registered_away' ? '外出' : '居住'}起始：{res.since}
            </View>
          ) : null}
          <View>{votesLine(res)}</View>
        </View>
        {res.proof ? <PhotoGrid urls={[res.proof.url]} /> : null}
      </View>

      {res.residency === 'registered_away' ? (
        <View className="xl-card">
          <View className="xl-card__title">本人是否表示参加选举和表决</View>
          <View className="xl-muted">
            户籍在本村、住在外地的村民，本人表示参加的，列入参加表决的名单（第十三条）。
          </View>
          <Chips
            options={[
              { value: 'yes', label: '表示参加' },
              { value: 'no', label: '没有表示' },
            ]}
            value={res.takesPartOn ? 'yes' : 'no'}
            onChange={(v) =>
              void run(
                () => call(newcomerRoutes.setTakesPart, { params: p, body: { takesPart: v === 'yes' } }),
                '已记录',
              )
            }
          />
        </View>
      ) : null}

      {res.residency === 'non_registered' ? (
        res.admission ? (
          <View className="xl-card">
            <View className="xl-card__title">已经会议同意参加选举</View>
            <View className="xl-card__text">
              {res.admission.decisionRef}（{res.admission.decidedOn}）
            </View>
            <Button
              block
              disabled={busy}
              onClick={() => void run(() => call(newcomerRoutes.withdrawAdmission, { params: p }), '已撤销')}
            >
              撤销（记错了）
            </Button>
          </View>
        ) : (
          <AdmissionForm
            since={res.since}
            busy={busy}
            onSubmit={(body) => run(() => call(newcomerRoutes.admit, { params: p, body }), '已记录')}
          />
        )
      ) : null}

      <ResidenceForm
        villageId={villageId}
        current={res}
        busy={busy}
        onSubmit={(body) => run(() => call(newcomerRoutes.setResidence, { params: p, body }), '已保存')}
      />
    </PageRoot>
  )
}
