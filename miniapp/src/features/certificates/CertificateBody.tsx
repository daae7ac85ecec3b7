import { Text, View } from '@tarojs/components'
import { proxyLineText, type CertificateField, type CertificateRequestView } from '@xiangli/shared'
import { certificateStateTone, certificateSteps, stateLabel } from './certificate'
import { formatTime } from '@/logic/format'
import { PhotoGrid } from '@/components/Photos'
import { StateTag } from '@/components/StateTag'
import '@/components/Detail.scss'
import './certificate.scss'

export function CertificateStateTag({ r }: { r: Pick<CertificateRequestView, 'state'> }) {
  return <StateTag tone={certificateStateTone(r.state)} label={stateLabel(r.state)} />
}

/** One line of a list: the item, who asked, when, the state and whether it is late. */
export function CertificateCard({
  r,
  showApplicant = false,
  onOpen,
}: {
  r: CertificateRequestView
  showApplicant?: boolean
  onOpen: () => void
}) {
  return (
    <View className={`xl-card xl-tap xl-cert${r.overdue ? ' xl-cert--overdue' : ''}`} onClick={onOpen}>
      <View className="xl-detail__head">
        <Text className="xl-card__title">{r.itemName}</Text>
        <CertificateStateTag r={r} />
      </View>
      <View className="xl-muted">
        {showApplicant ? `${r.applicantName} · ` : ''}
        {formatTime(r.createdAt)} 申请 · 用途：{r.purpose}
      </View>
      {r.overdue ? <View className="xl-cert__late">已超过办理时限</View> : null}
    </View>
  )
}

/** A request in full: what was asked, the filled fields, the materials, every step since. */
export function CertificateBody({
  r,
  fields,
}: {
  r: CertificateRequestView
  /** the item's form, for the labels; without it the values show under their keys */
  fields: readonly CertificateField[] | null
}) {
  const label = (key: string) => fields?.find((f) => f.key === key)?.label ?? key
  return (
    <>
      <View className="xl-card">
        <View className="xl-detail__head">
          <Text className="xl-card__title">{r.itemName}</Text>
          <CertificateStateTag r={r} />
        </View>
        <View className="xl-detail__facts">
          <View>申请人：{r.applicantName}</View>
          {r.proxy ? <View className="xl-detail__proxy">{proxyLineText(r.proxy)}</View> : null}
          <View>用途：{r.purpose}</View>
          {Object.entries(r.fields).map(([key, value]) => (
            <View key={key}>
              {label(key)}：{value}
            </View>
          ))}
          <View>申请时间：{formatTime(r.createdAt)}</View>
          {r.dueAt && !r.issuedAt ? (
            <View className={r.overdue ? 'xl-detail__late' : ''}>
              {r.overdue ? '已超过办理时限' : `应在 ${formatTime(r.dueAt)} 前办结`}
            </View>
          ) : null}
        </View>
        {r.materials.length > 0 ? (
          <>
            <View className="xl-muted xl-cert__materials">材料</View>
            <PhotoGrid urls={r.materials.map((m) => m.url)} />
          </>
        ) : null}
      </View>
      {r.number && r.verificationCode ? (
        <View className="xl-card xl-cert__issued">
          <View>证明编号：{r.number}</View>
          <View>查验码：{r.verificationCode}</View>
          <View className="xl-muted">扫证明上的二维码，或在“证明查验”里输入编号和查验码，就能查真伪。</View>
        </View>
      ) : null}
      <View className="xl-section-title">办理经过</View>
      <View className="xl-card xl-timeline">
        {certificateSteps(r).map((s, i) => (
          <View key={`${s.at}-${i}`} className="xl-timeline__step">
            <View className="xl-timeline__dot" />
            <View className="xl-timeline__who">{s.title}</View>
            <View className="xl-timeline__when">{formatTime(s.at)}</View>
            {s.text ? <View className="xl-timeline__text">{s.text}</View> : null}
          </View>
        ))}
      </View>
    </>
  )
}
