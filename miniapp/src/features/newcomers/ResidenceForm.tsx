import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  ERRORS,
  RESIDENCIES,
  RESIDENCY_LABELS,
  beijingDate,
  type ResidenceChange,
  type ResidenceView,
  type Residency,
} from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { PhotoPicker } from '@/components/Photos'
import { photoProblem, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
import { DateInput } from '@/platform/DateInput'

/** The committee changes where a person is registered and lives, from when, with a proof of address. */
export function ResidenceForm({
  villageId,
  current,
  busy,
  onSubmit,
}: {
  villageId: number
  current: ResidenceView
  busy: boolean
  onSubmit: (body: ResidenceChange) => Promise<void>
}) {
  const [residency, setResidency] = useState<Residency>(current.residency)
  const [since, setSince] = useState(current.since ?? '')
  const [proofs, setProofs] = useState<DraftPhoto[]>([])
  const [error, setError] = useState<string | null>(null)

  function submit() {
    if (residency === 'non_registered' && !since) {
      setError(ERRORS.NEWCOMER_SINCE_REQUIRED.message)
      return
    }
    const problem = photoProblem(proofs)
    if (problem) {
      setError(problem)
      return
    }
    void onSubmit({
      residency,
      since: residency === 'registered' ? null : since || null,
      proofFileId: uploadedIds(proofs)[0] ?? null,
    }).then(() => setProofs([]))
  }

  return (
    <View className="xl-card">
      <View className="xl-card__title">更改居住情况</View>
      <Field label="居住情况">
        <Chips
          options={RESIDENCIES.map((r) => ({ value: r, label: RESIDENCY_LABELS[r] }))}
          value={residency}
          onChange={(v) => {
            setResidency(v)
            setError(null)
          }}
        />
      </Field>
      {residency !== 'registered' ? (
        <Field label={residency === 'registered_away' ? '从哪天起住在外地' : '从哪天起在本村居住'}>
          <DateInput
            mode="date"
            value={since}
            placeholder="选择日期"
            start="1950-01-01"
            end={beijingDate(new Date())}
            onChange={(v) => {
              setSince(v)
              setError(null)
            }}
          />
        </Field>
      ) : null}
      <Field label="住址证明照片（可不换）">
        <PhotoPicker
          villageId={villageId}
          photos={proofs}
          max={1}
          onChange={(u) => setProofs((ps) => u(ps))}
        />
      </Field>
      {error ? <View className="xl-danger-text">{error}</View> : null}
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        保存
      </Button>
    </View>
  )
}
