import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { REVIEW_POST_LABELS, rosterRoutes, type ResidentView, type ReviewView } from '@xiangli/shared'
import { call } from '@/api/request'
import { Field } from '@/components/Form'

/**
 * 列入被评议名单: the committee members are listed by themselves; the staff the village pays lost-work
 * subsidies (享受误工补贴的工作人员) are found on the roster by name and added by the host.
 */
export function StaffPicker({
  review,
  villageId,
  busy,
  add,
}: {
  review: ReviewView
  villageId: number
  busy: boolean
  add: (residentId: number) => Promise<void>
}) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<ResidentView[] | null>(null)
  const [searching, setSearching] = useState(false)
  const listed = new Set(review.subjects.map((s) => s.residentId))

  const search = async () => {
    if (!q.trim()) return
    setSearching(true)
    try {
      const page = await call(rosterRoutes.residents, {
        params: { villageId },
        query: { q: q.trim(), pageSize: 20 },
      })
      setFound(page.items)
    } finally {
      setSearching(false)
    }
  }

  return (
    <View className="xl-card">
      <View className="xl-card__title">{`列入${REVIEW_POST_LABELS.staff}`}</View>
      <Field label="在花名册里按姓名查找">
        <Input
          value={q}
          placeholder="输入姓名"
          maxLength={30}
          onChange={setQ}
          onConfirm={() => void search()}
        />
      </Field>
      <Button block loading={searching} disabled={!q.trim()} onClick={() => void search()}>
        查找
      </Button>
      {found !== null && found.length === 0 ? (
        <View className="xl-muted">花名册里没有找到这个名字。</View>
      ) : null}
      {(found ?? []).map((p) => (
        <View key={p.id} className="review-pick review__meta">
          <Text>{`${p.name}（${p.householdCode} 户，${p.age} 岁）`}</Text>
          {listed.has(p.id) ? (
            <Text className="xl-muted">已在名单里</Text>
          ) : (
            <Button size="small" type="primary" loading={busy} onClick={() => void add(p.id)}>
              列入评议
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}
