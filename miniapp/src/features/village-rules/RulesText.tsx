import { useState } from 'react'
import { View } from '@tarojs/components'
import type { RulesVersionView } from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { DIFF_MARKS, diffSummary } from './rules'

type Show = 'text' | 'diff'
const SHOW: { value: Show; label: string }[] = [
  { value: 'text', label: '全文' },
  { value: 'diff', label: '改了什么' },
]

/** The full text, or what this version changed against the one it amends, line by line. */
export function RulesText({ v }: { v: RulesVersionView }) {
  const [show, setShow] = useState<Show>('text')
  return (
    <View className="xl-card">
      <Chips options={SHOW} value={show} onChange={setShow} />
      {show === 'text' ? (
        <View className="rules__text">{v.text}</View>
      ) : (
        <View className="rules__text">
          <View className="xl-muted">{diffSummary(v.diff, v.basedOn?.number ?? null)}</View>
          {v.diff.map((d, i) => (
            <View key={i} className={`rules__line rules__line--${d.op}`}>
              {DIFF_MARKS[d.op]} {d.text}
            </View>
          ))}
        </View>
      )}
      {v.contentHash && (
        <View className="rules__hash">通过时的全文指纹（SHA-256，已记入留痕链）：{v.contentHash}</View>
      )}
    </View>
  )
}
