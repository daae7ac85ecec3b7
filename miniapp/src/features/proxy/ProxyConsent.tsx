import { Text, View } from '@tarojs/components'
import { Checkbox, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { CONSENT_KIND_LABELS, CONSENT_KINDS } from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { Field, FormSection } from '@/components/Form'
import { PhotoPicker } from '@/components/Photos'
import type { DraftPhoto } from '@/logic/photoDraft'
import type { ConsentDraft, ProxyFor } from './proxy'
import './ProxyPage.scss'

/**
 * The consent step of a form filled for someone: the resident, present, types their name and ticks
 * on this phone, or the acting person photographs the form the resident signed.
 */
export function ProxyConsent({
  villageId,
  person,
  value,
  onChange,
  error,
  disabled,
}: {
  villageId: number
  person: ProxyFor
  value: ConsentDraft
  onChange: (next: ConsentDraft) => void
  error?: string
  disabled?: boolean
}) {
  const setPhotos = (update: (photos: DraftPhoto[]) => DraftPhoto[]) =>
    onChange(value.kind === 'paper' ? { kind: 'paper', photos: update(value.photos) } : value)
  return (
    <FormSection>
      <Field label={`${person.name}本人同意`} error={error}>
        <Chips
          options={CONSENT_KINDS.map((k) => ({ value: k, label: CONSENT_KIND_LABELS[k] }))}
          value={value.kind}
          onChange={(k) =>
            onChange(
              k === 'paper'
                ? { kind: 'paper', photos: [] }
                : { kind: 'on_device', typedName: '', agreed: false },
            )
          }
        />
        {value.kind === 'on_device' ? (
          <View className="proxy-consent">
            <Text className="xl-muted">请把手机交给{person.name}本人：输入自己的姓名，勾选同意。</Text>
            <Input
              className="proxy-consent__name"
              value={value.typedName}
              placeholder="本人输入姓名"
              maxLength={30}
              disabled={disabled}
              onChange={(v) => onChange({ ...value, typedName: v })}
            />
            <Checkbox
              className="proxy-consent__agree"
              checked={value.agreed}
              disabled={disabled}
              onChange={(on) => onChange({ ...value, agreed: on })}
            >
              我同意由他人代我办理这件事
            </Checkbox>
          </View>
        ) : (
          <View className="proxy-consent">
            <Text className="xl-muted">拍下{person.name}本人签字（或按手印）的授权书。</Text>
            <PhotoPicker
              villageId={villageId}
              photos={value.photos}
              onChange={setPhotos}
              max={1}
              disabled={disabled}
            />
          </View>
        )}
      </Field>
    </FormSection>
  )
}
