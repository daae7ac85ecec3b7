import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './petition.scss'

/** A labelled field of a petition form, red with its message when it needs changing. */
export function PetitionField({
  label,
  error,
  children,
}: {
  label: string
  error?: string
  children: ReactNode
}) {
  return (
    <View className={`petition__field${error ? ' petition__field--bad' : ''}`}>
      <View className="petition__label">{label}</View>
      {children}
      {error ? <View className="petition__error">{error}</View> : null}
    </View>
  )
}
