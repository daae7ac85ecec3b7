import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { certificateRoutes, type CertificateRequestView } from '@xiangli/shared'
import { call } from '@/api/request'
import { CertificateCard } from './CertificateBody'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { usePagedList } from '@/hooks/usePagedList'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useReshow } from '@/hooks/useReshow'
import { ROUTES, withQuery } from '@/routes'
import { CERTIFICATE_UNVERIFIED } from './unverified'

export function MyCertificatesPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const list = usePagedList<CertificateRequestView>(
    ctx.villageId !== null
      ? (page) =>
          call(
            certificateRoutes.mine,
            { params: { villageId }, query: { page, pageSize: 20 } },
            { toast: false },
          )
      : null,
    (r) => r.id,
    [ctx.villageId],
  )
  // back from a detail page: the state may have moved on
  useReshow(() => void list.reload())

  const gate = residentGate(ctx, '查看我的证明', CERTIFICATE_UNVERIFIED)
  if (gate) return <PageRoot>{gate}</PageRoot>

  const apply = () => void Taro.navigateTo({ url: withQuery(ROUTES.certificateCatalogue, { villageId }) })
  const open = (r: CertificateRequestView) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.certificateDetail, { id: r.id, villageId }) })

  const body = (
    <PagedList
      list={list}
      empty={
        <EmptyView
          title="您还没有申请过证明"
          description="居住证明、家庭经济困难学生证明等，可以在手机上申请，村委会审核后出具。"
        />
      }
      title={`共 ${list.total} 份`}
    >
      {(r) => <CertificateCard key={r.id} r={r} onOpen={() => open(r)} />}
    </PagedList>
  )

  return (
    <PageRoot className="cert-form">
      <View className="cert-form__submit">
        <Button type="primary" size="large" block onClick={apply}>
          开证明
        </Button>
      </View>
      {body}
    </PageRoot>
  )
}
