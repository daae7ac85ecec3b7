import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  certificateRefuseSchema,
  certificateRequestInfoSchema,
  certificateRevokeSchema,
  certificateRoutes,
  type CertificateRequestView,
} from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { CertificateBody } from './CertificateBody'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { Pending } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { useResource } from '@/hooks/useResource'
import { committeeActions } from './certificate'
import { idParam } from '@/logic/links'
import { openProtectedFile } from '@/platform/openDocument'
import { PlatformProblem } from '@/platform/problem'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './CommitteeCertificatePage.scss'

type Asking = 'refuse' | 'askForMore' | 'revoke'

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : (r.error?.issues[0]?.message ?? '请填写')

const DIALOGS: Record<
  Asking,
  {
    title: string
    hint: string
    placeholder: string
    confirmText: string
    check: (t: string) => string | null
  }
> = {
  refuse: {
    title: '不予出具',
    hint: '请写明原因，村民会收到这条说明：',
    placeholder: '例如：经核实，申请人不在本村居住',
    confirmText: '不予出具',
    check: (reason) => firstIssue(certificateRefuseSchema.safeParse({ reason })),
  },
  askForMore: {
    title: '请村民补充',
    hint: '写清楚还缺什么，村民补充后会回到待审核：',
    placeholder: '例如：请补充租房合同的照片',
    confirmText: '发给村民',
    check: (message) => firstIssue(certificateRequestInfoSchema.safeParse({ message })),
  },
  revoke: {
    title: '作废证明',
    hint: '作废后，查验这份证明会显示“已作废”。请写明原因：',
    placeholder: '例如：申请人已搬离本村',
    confirmText: '作废',
    check: (reason) => firstIssue(certificateRevokeSchema.safeParse({ reason })),
  },
}

/** One request for the committee: approve (a number and a PDF), refuse, ask for more, or revoke. */
export function CommitteeCertificatePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.handleCertificates
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    allowed && id !== null
      ? () => call(certificateRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [allowed, villageId, id],
  )
  const catalogue = useResource(
    allowed ? () => call(certificateRoutes.catalogue, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState<Asking | null>(null)

  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = committeeGate(ctx, 'handleCertificates', '证明审批')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const r = found.data
  const can = committeeActions(r, ctx.me?.accountId ?? 0)
  const item = catalogue.data?.positive.find((i) => i.code === r.itemCode) ?? null
  const shown = (next: CertificateRequestView) => found.setData(() => next)

  async function approve() {
    const { confirm } = await Taro.showModal({
      title: '同意出具',
      content: `同意后会生成带编号和二维码的${r.itemName}，并记入用印登记。确定同意吗？`,
      confirmText: '同意',
    })
    if (!confirm) return
    setBusy(true)
    try {
      shown(await call(certificateRoutes.approve, { params: { villageId, id: r.id } }))
      void Taro.showToast({ title: '已出具', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  async function submitReason(text: string): Promise<void> {
    const params = { villageId, id: r.id }
    const next =
      asking === 'refuse'
        ? await call(certificateRoutes.refuse, { params, body: { reason: text } })
        : asking === 'askForMore'
          ? await call(certificateRoutes.requestInfo, { params, body: { message: text } })
          : await call(certificateRoutes.revoke, { params, body: { reason: text } })
    shown(next)
    setAsking(null)
    void Taro.showToast({ title: '已办理', icon: 'success' })
  }

  async function download() {
    if (!r.pdfPath) return
    try {
      await openProtectedFile(r.pdfPath, 'pdf', `${r.number ?? '证明'}.pdf`)
    } catch (e) {
      // what went wrong in plain words when the phone said; otherwise the general sentence
      showProblem(e instanceof PlatformProblem ? e.message : '没有打开，请稍后再试')
    }
  }

  const dialog = asking ? DIALOGS[asking] : DIALOGS.refuse
  return (
    <PageRoot>
      <CertificateBody r={r} fields={item?.fields ?? null} />
      {r.applicantAccountId === ctx.me?.accountId &&
      (r.state === 'submitted' || r.state === 'resubmitted') ? (
        <View className="xl-card xl-muted">这是您自己的申请，需要由村委会其他成员审批。</View>
      ) : null}
      <View className="xl-actions cert-decide__actions">
        {can.askForMore ? (
          <Button disabled={busy} onClick={() => setAsking('askForMore')}>
            请其补充
          </Button>
        ) : null}
        {can.refuse ? (
          <Button disabled={busy} onClick={() => setAsking('refuse')}>
            不予出具
          </Button>
        ) : null}
        {can.approve ? (
          <Button type="primary" loading={busy} disabled={busy} onClick={() => void approve()}>
            同意出具
          </Button>
        ) : null}
        {r.pdfPath ? <Button onClick={() => void download()}>查看证明</Button> : null}
        {can.revoke ? (
          <Button type="danger" disabled={busy} onClick={() => setAsking('revoke')}>
            作废
          </Button>
        ) : null}
      </View>
      <ReasonDialog
        visible={asking !== null}
        title={dialog.title}
        hint={dialog.hint}
        placeholder={dialog.placeholder}
        confirmText={dialog.confirmText}
        maxLength={200}
        check={dialog.check}
        onSubmit={submitReason}
        onClose={() => setAsking(null)}
      />
    </PageRoot>
  )
}
