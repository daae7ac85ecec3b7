import { Text, View } from '@tarojs/components'
import { auditRoutes, type AuditEntryView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { usePagedList } from '@/hooks/usePagedList'
import { auditActionLabel, auditTargetLabel, roleLabel } from './audit'
import { formatTime } from '@/logic/format'
import { committeeGate, useCommitteeVillage } from './useCommitteeVillage'
import './AuditPage.scss'

export function AuditPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.viewAudit
  const villageId = ctx.villageId ?? 0
  const list = usePagedList<AuditEntryView>(
    allowed
      ? (page) =>
          call(auditRoutes.list, { params: { villageId }, query: { page, pageSize: 20 } }, { toast: false })
      : null,
    (e) => e.seq,
    [allowed, villageId],
  )

  const gate = committeeGate(ctx, 'viewAudit', '查看操作记录')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const body = (
    <PagedList
      list={list}
      empty={
        <EmptyView title="还没有操作记录" description="认证审核、导入花名册、任命职务等操作都会记在这里。" />
      }
      title="每一次操作都记在这里，供大家监督"
    >
      {(e) => {
        const role = roleLabel(e.actorRole)
        return (
          <View key={e.seq} className="xl-card audit">
            <View className="audit__head">
              <Text className="audit__action">{auditActionLabel(e.action)}</Text>
              <Text className="xl-muted">第 {e.seq} 条</Text>
            </View>
            <View className="audit__facts">
              <View>
                操作人：{e.actorName ?? '系统'}
                {role ? `（${role}）` : ''}
              </View>
              <View>
                对象：{auditTargetLabel(e.targetType)} {e.targetId}
              </View>
              <View>时间：{formatTime(e.createdAt)}</View>
            </View>
          </View>
        )
      }}
    </PagedList>
  )

  return <PageRoot>{body}</PageRoot>
}
