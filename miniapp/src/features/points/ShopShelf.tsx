import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { POINTS_LIMITS, pointsRoutes, type ShopItemView } from '@xiangli/shared'
import { call } from '@/api/request'
import { Field } from '@/components/Form'
import { ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import * as P from './points'

const blank: P.ShopItemForm = { name: '', cost: '', stock: '' }

/** The shop's shelf for the 两委: put an item on it, restock, take it off or back on. */
export function ShopShelf({ villageId }: { villageId: number }) {
  const shop = useResource(
    () => call(pointsRoutes.shop, { params: { villageId } }, { toast: false }),
    [villageId],
  )
  const [f, setF] = useState<P.ShopItemForm>(blank)
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  async function add() {
    const checked = P.checkShopItem(f)
    if (!checked.ok) return setError(checked.error)
    setBusy(true)
    try {
      await call(pointsRoutes.addItem, { params: { villageId }, body: checked.value })
      setF(blank)
      void Taro.showToast({ title: '已上架', icon: 'success' })
      await shop.reload()
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  async function change(i: ShopItemView, to: { stock: number; active: boolean }, done: string) {
    try {
      await call(pointsRoutes.updateItem, { params: { villageId, itemId: i.id }, body: to })
      void Taro.showToast({ title: done, icon: 'success' })
      await shop.reload()
    } catch {
      // the request layer has said what went wrong
    }
  }

  let items
  if (shop.loading && !shop.data) items = <LoadingView />
  else if (!shop.data) items = <ErrorView error={shop.error} onRetry={() => void shop.reload()} />
  else
    items = shop.data.map((i) => (
      <View key={i.id} className="points__shelf-item">
        <View className="points__rule-head">
          <Text className="points__item-name">
            {i.name}
            {i.active ? '' : '（已下架）'}
          </Text>
          <Text className="points__rule-points">{i.cost} 分</Text>
        </View>
        <View className="points__meta">库存 {i.stock} 件</View>
        <View className="points__row-actions">
          <Button
            size="large"
            fill="outline"
            onClick={() => void change(i, { stock: i.stock + 10, active: i.active }, '已补货')}
          >
            补货 10 件
          </Button>
          <Button
            size="large"
            fill="outline"
            onClick={() =>
              void change(i, { stock: i.stock, active: !i.active }, i.active ? '已下架' : '已上架')
            }
          >
            {i.active ? '下架' : '重新上架'}
          </Button>
        </View>
      </View>
    ))

  return (
    <View className="xl-card">
      <View className="xl-card__title">积分超市</View>
      {items}
      <View className="points__subtitle">上架新物品</View>
      <Field label="物品名称" error={error}>
        <Input
          value={f.name}
          placeholder="例如：洗衣粉一袋"
          maxLength={POINTS_LIMITS.itemName}
          onChange={(v) => {
            setF({ ...f, name: v })
            setError(undefined)
          }}
        />
      </Field>
      <Field label="所需积分">
        <Input type="digit" value={f.cost} placeholder="整数" onChange={(v) => setF({ ...f, cost: v })} />
      </Field>
      <Field label="库存（件）">
        <Input type="digit" value={f.stock} placeholder="整数" onChange={(v) => setF({ ...f, stock: v })} />
      </Field>
      <View className="points__actions">
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void add()}>
          上架
        </Button>
      </View>
    </View>
  )
}
