import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './Form.scss'

/** A form field as residents see it: the label above the box, what to fix under it (red). */
export function Field({
  label,
  error,
  children,
}: {
  label: string
  error?: string | undefined
  children: ReactNode
}) {
  return (
    <View className={`xl-form__field${error ? ' xl-form__field--bad' : ''}`}>
      <View className="xl-form__label">{label}</View>
      {children}
      {error ? <FieldError error={error} /> : null}
    </View>
  )
}

/** What to fix, in red, under a box that is not a whole field (one line of a table, …). */
export function FieldError({ error }: { error: string }) {
  return <View className="xl-form__error">{error}</View>
}

/** A card of a form: an optional title and a line of explanation above its fields. */
export function FormSection({
  title,
  intro,
  className,
  children,
}: {
  title?: ReactNode
  intro?: ReactNode
  className?: string
  children?: ReactNode
}) {
  return (
    <View className={className ? `xl-card ${className}` : 'xl-card'}>
      {title ? <View className="xl-card__title">{title}</View> : null}
      {intro ? <View className="xl-card__text">{intro}</View> : null}
      {children}
    </View>
  )
}
