import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  readCertificateCheckQuery,
  certificateCheckRoutes,
  type PublicCertificateCheck,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { asApiError } from '@/hooks/useResource'
import type { ApiError } from '@/api/core'
import { checkParams, checkVerdict } from './check'
import './CertificateCheckPage.scss'

type Query = { n: string; c: string }

/**
 * 证明查验: anyone who holds a certificate (a school, a bank) checks it here without logging in. The
 * QR code on the certificate opens this page with the number and code; without them it asks for both.
 */
export function CertificateCheckPage() {
  const { params } = useRouter()
  const [query, setQuery] = useState<Query | null>(() => checkParams(params))
  const [result, setResult] = useState<PublicCertificateCheck | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [n, setN] = useState('')
  const [c, setC] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const run = async (q: Query) => {
    setResult(null)
    setError(null)
    try {
      setResult(await call(certificateCheckRoutes.verify, { query: q }, { toast: false }))
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    if (query) void run(query)
  }, [query])

  function submit() {
    const read = readCertificateCheckQuery({ n, c })
    if (!read.ok) {
      setProblem(read.message)
      return
    }
    setProblem(null)
    setQuery(read.query)
  }

  if (!query)
    return (
      <PageRoot className="check">
        <View className="xl-card">
          <View className="xl-card__title">查一份证明是不是真的</View>
          <View className="xl-muted check__help">
            证明右下角印有证明编号和查验码，扫证明上的二维码也能直接查。
          </View>
          <View className="check__label">证明编号</View>
          <Input value={n} placeholder="例如：330106101201-2026-0007" maxLength={40} onChange={setN} />
          <View className="check__label">查验码</View>
          <Input value={c} placeholder="例如：K7QM-3XPA" maxLength={20} onChange={setC} />
          {problem ? <View className="xl-danger-text">{problem}</View> : null}
        </View>
        <View className="check__submit">
          <Button type="primary" size="xlarge" block onClick={submit}>
            查验
          </Button>
        </View>
      </PageRoot>
    )

  let body
  if (error) body = <ErrorView error={error} onRetry={() => void run(query)} />
  else if (!result) body = <LoadingView text="正在查验…" />
  else {
    const verdict = checkVerdict(result)
    body = (
      <View className={`xl-card check__result check__result--${result.result}`}>
        <Text className="check__verdict">{verdict.label}</Text>
        {result.result === 'valid' || result.result === 'revoked' ? (
          <View className="check__facts">
            <View>证明事项：{result.itemName}</View>
            <View>出具单位：{result.villageName}</View>
            <View>出具日期：{result.issuedOn}</View>
            <View>持证人：{result.holderName}</View>
            <View>证明编号：{result.number}</View>
            {verdict.advice ? <View className="xl-danger-text">{verdict.advice}</View> : null}
          </View>
        ) : (
          <View className="check__facts">
            {result.result === 'mismatch' ? <View>证明编号：{result.number}</View> : null}
            <View className={result.result === 'mismatch' ? 'xl-danger-text' : undefined}>
              {verdict.advice}
            </View>
          </View>
        )}
      </View>
    )
  }

  return (
    <PageRoot className="check">
      {body}
      <View className="check__submit">
        <Button
          onClick={() => {
            setQuery(null)
            setN('')
            setC('')
          }}
        >
          查另一份
        </Button>
      </View>
    </PageRoot>
  )
}
