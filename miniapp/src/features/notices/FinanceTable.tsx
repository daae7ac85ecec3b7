import { Text, View } from '@tarojs/components'
import { sumFinanceLines, type FinanceLine, type FinanceTotals } from '@xiangli/shared'
import { fenToChineseCapital, formatFen } from './noticeMoney'
import './notice.scss'

function Section({ title, lines, total }: { title: string; lines: FinanceLine[]; total: number }) {
  return (
    <View className="xl-finance">
      <View className="xl-finance__caption">{title}</View>
      {lines.length === 0 ? <View className="xl-finance__empty">本期没有{title.slice(0, 2)}</View> : null}
      {lines.map((l, i) => (
        <View key={`${l.item}-${i}`} className="xl-finance__row">
          <View className="xl-finance__item">
            <View>{l.item}</View>
            {l.note ? <View className="xl-finance__note">{l.note}</View> : null}
          </View>
          <Text className="xl-finance__amount">{formatFen(l.amountFen)}</Text>
        </View>
      ))}
      <View className="xl-finance__row xl-finance__total">
        <View className="xl-finance__item">合计</View>
        <Text className="xl-finance__amount">{formatFen(total)}</Text>
      </View>
      <View className="xl-finance__capital">大写：{fenToChineseCapital(total)}</View>
    </View>
  )
}

/**
 * 收支明细 of a finance notice: income and expense with their totals (recomputed from the lines, as
 * the server checked them), and the balances when the notice states them. Amounts arrive in fen.
 */
export function FinanceTable({ lines, totals }: { lines: FinanceLine[]; totals: FinanceTotals | null }) {
  const sums = sumFinanceLines(lines)
  const open = totals?.openingBalanceFen
  const close = totals?.closingBalanceFen
  return (
    <View className="xl-finance-table">
      <Section title="收入明细" lines={lines.filter((l) => l.kind === 'income')} total={sums.income} />
      <Section title="支出明细" lines={lines.filter((l) => l.kind === 'expense')} total={sums.expense} />
      <View className="xl-finance">
        <View className="xl-finance__row xl-finance__total">
          <View className="xl-finance__item">收支相抵</View>
          <Text className="xl-finance__amount">{formatFen(sums.income - sums.expense)}</Text>
        </View>
        {open != null ? (
          <View className="xl-finance__row">
            <View className="xl-finance__item">期初余额</View>
            <Text className="xl-finance__amount">{formatFen(open)}</Text>
          </View>
        ) : null}
        {close != null ? (
          <View className="xl-finance__row">
            <View className="xl-finance__item">期末余额</View>
            <Text className="xl-finance__amount">{formatFen(close)}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
