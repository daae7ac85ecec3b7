import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { Button, Cell, Input, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import {
  ROLE_LABELS,
  roleRoutes,
  rosterRoutes,
  type AssignRoleRequest,
  type ResidentView,
  type RoleHolderView,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { formatTime } from '@/logic/format'
import { ASSIGNABLE_ROLES, groupRoleHolders, isAssignable } from './roles'
import { committeeGate, useCommitteeVillage } from './useCommitteeVillage'
import './RolesPage.scss'

export function RolesPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.viewRoles
  const villageId = ctx.villageId ?? 0
  const holders = useResource(
    allowed ? () => call(roleRoutes.list, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const [assigning, setAssigning] = useState(false)
  const [removing, setRemoving] = useState<number | null>(null)

  usePullDownRefresh(() => {
    void holders.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = committeeGate(ctx, 'viewRoles', '查看职务')
  if (gate) return <PageRoot>{gate}</PageRoot>
  const canManage = ctx.bench.manageRoles

  async function remove(h: RoleHolderView) {
    const { confirm } = await Taro.showModal({
      title: '免去职务',
      content: `确定免去“${h.name}”的${ROLE_LABELS[h.role]}职务吗？`,
      confirmText: '免去',
    })
    if (!confirm) return
    setRemoving(h.id)
    try {
      await call(roleRoutes.remove, { params: { villageId, id: h.id } })
      holders.setData((list) => (list ? list.filter((x) => x.id !== h.id) : list))
      void Taro.showToast({ title: '已免去', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setRemoving(null)
    }
  }

  let body
  if (holders.loading && !holders.data) body = <LoadingView />
  else if (holders.error && !holders.data)
    body = <ErrorView error={holders.error} onRetry={() => void holders.reload()} />
  else {
    const groups = groupRoleHolders((holders.data ?? []).filter((h) => h.role !== 'resident'))
    body =
      groups.length === 0 ? (
        <EmptyView
          title="还没有设置职务"
          description={
            canManage ? '点上面的“任命职务”，从花名册里选人。' : '村（居）委会设置后会显示在这里。'
          }
        />
      ) : (
        groups.map((g) => (
          <View key={g.role}>
            <View className="xl-section-title">
              {ROLE_LABELS[g.role]}（{g.holders.length} 人）
            </View>
            <View className="xl-group">
              {g.holders.map((h) => (
                <Cell
                  key={h.id}
                  title={h.name}
                  description={`${formatTime(h.since)} 起`}
                  extra={
                    canManage && isAssignable(h.role) ? (
                      <Button
                        size="small"
                        loading={removing === h.id}
                        disabled={removing !== null}
                        onClick={() => void remove(h)}
                      >
                        免去
                      </Button>
                    ) : (
                      ''
                    )
                  }
                />
              ))}
            </View>
          </View>
        ))
      )
  }

  return (
    <PageRoot className="roles">
      {canManage ? (
        <View className="roles__top">
          <Button type="primary" block onClick={() => setAssigning(true)}>
            任命职务
          </Button>
        </View>
      ) : null}
      {body}
      {canManage ? (
        <AssignRole
          visible={assigning}
          villageId={villageId}
          onClose={() => setAssigning(false)}
          onAssigned={(h) => {
            holders.setData((list) => [...(list ?? []), h])
            setAssigning(false)
            void Taro.showToast({ title: '已任命', icon: 'success' })
          }}
        />
      ) : null}
    </PageRoot>
  )
}

/** Pick a resident from the roster, pick a post, confirm. */
function AssignRole({
  visible,
  villageId,
  onClose,
  onAssigned,
}: {
  visible: boolean
  villageId: number
  onClose: () => void
  onAssigned: (holder: RoleHolderView) => void
}) {
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState<string | null>(null)
  const found = useResource(
    q !== null
      ? () =>
          call(
            rosterRoutes.residents,
            { params: { villageId }, query: { page: 1, pageSize: 20, q: q || undefined } },
            { toast: false },
          )
      : null,
    [villageId, q],
  )
  const [person, setPerson] = useState<ResidentView | null>(null)
  const [role, setRole] = useState<AssignRoleRequest['role'] | null>(null)
  const [saving, setSaving] = useState(false)

  async function save() {
    if (!person || !role) return
    setSaving(true)
    try {
      onAssigned(
        await call(roleRoutes.assign, { params: { villageId }, body: { residentId: person.id, role } }),
      )
      setPerson(null)
      setRole(null)
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSaving(false)
    }
  }

  return (
    <Popup visible={visible} position="bottom" round title="任命职务" closeable onClose={onClose}>
      <ScrollView scrollY className="assign">
        <View className="xl-section-title">第一步：选人</View>
        {person ? (
          <View className="xl-group">
            <Cell
              title={person.name}
              description={`户号 ${person.householdCode}`}
              extra="换一个"
              clickable
              onClick={() => setPerson(null)}
            />
          </View>
        ) : (
          <>
            <View className="assign__search">
              <Input
                value={typed}
                placeholder="输入姓名查找"
                clearable
                confirmType="search"
                onChange={setTyped}
                onConfirm={() => setQ(typed.trim())}
              />
              <Button type="primary" onClick={() => setQ(typed.trim())}>
                查找
              </Button>
            </View>
            {found.loading ? <View className="assign__note">正在查找…</View> : null}
            {found.error ? <View className="assign__note xl-danger-text">{found.error.message}</View> : null}
            {found.data && found.data.items.length === 0 ? (
              <View className="assign__note">花名册里没有找到这个人</View>
            ) : null}
            {found.data && found.data.items.length > 0 ? (
              <View className="xl-group">
                {found.data.items.map((r) => (
                  <Cell
                    key={r.id}
                    title={r.name}
                    description={`户号 ${r.householdCode}${r.groupName ? ` · ${r.groupName}` : ''} · ${r.age} 岁`}
                    clickable
                    onClick={() => setPerson(r)}
                  />
                ))}
              </View>
            ) : null}
          </>
        )}

        <View className="xl-section-title">第二步：选职务</View>
        <View className="assign__roles">
          {ASSIGNABLE_ROLES.map((r) => (
            <View
              key={r}
              className={`assign__role xl-tap${role === r ? ' assign__role--on' : ''}`}
              onClick={() => setRole(r)}
            >
              <Text>{ROLE_LABELS[r]}</Text>
            </View>
          ))}
        </View>

        <View className="assign__save">
          <Button
            type="primary"
            size="large"
            block
            disabled={!person || !role || saving}
            loading={saving}
            onClick={() => void save()}
          >
            {person && role ? `任命 ${person.name} 为${ROLE_LABELS[role]}` : '请先选人和职务'}
          </Button>
        </View>
      </ScrollView>
    </Popup>
  )
}
