import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { PetitionSummary } from '@xiangli/shared'
import { StateTag } from '@/components/StateTag'
import { formatTime } from '@/logic/format'
import { ModerationNote } from '@/features/content-check/ModerationNote'
import { petitionStatusTag, petitionTone } from './petition'
import './petition.scss'

/** A petition's title and status tag, then which meeting it asks for and who started it when. */
export function PetitionHead({ p, children }: { p: PetitionSummary; children?: ReactNode }) {
  return (
    <>
      <View className="petition__row-head">
        <Text className="petition__title">{p.title}</Text>
        <StateTag tone={petitionTone(p.status)} label={petitionStatusTag(p.status)} />
      </View>
      <View className="petition__meta">
        <Text>提议召开{p.targetLabel}</Text>
        {children}
        <Text>
          {p.initiatorName}发起 · {formatTime(p.createdAt)}
        </Text>
      </View>
      <ModerationNote m={p.moderation} />
    </>
  )
}
