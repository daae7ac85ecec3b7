import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  RESIDENCIES,
  RESIDENCY_LABELS,
  REQUIRED_ROSTER_COLUMNS,
  ROSTER_COLUMNS,
  SEX_LABELS,
  maskIdNumber,
  rosterRoutes,
  type Residency,
  type ResidentView,
  type RosterColumn,
  type RosterImportResult,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { RoleTags } from '@/components/RoleTags'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { usePagedList } from '@/hooks/usePagedList'
import { isRosterFileName, pickRosterFile, releasePickedFile } from '@/platform/pickFile'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { ROUTES, withQuery } from '@/routes'
import './RosterPage.scss'

const headerName = (c: RosterColumn) => ROSTER_COLUMNS[c][0]
const REQUIRED = REQUIRED_ROSTER_COLUMNS.map(headerName).join('、')
const OPTIONAL = (Object.keys(ROSTER_COLUMNS) as RosterColumn[])
  .filter((c) => !REQUIRED_ROSTER_COLUMNS.includes(c))
  .map(headerName)
  .join('、')

/** 全部 or one residence (户籍 / 户籍外出 / 非户籍常住) */
const RESIDENCY_FILTERS = [
  { value: 'all' as const, label: '全部' },
  ...RESIDENCIES.map((r) => ({ value: r, label: RESIDENCY_LABELS[r] })),
]
const isResidency = (v: string | undefined): v is Residency =>
  (RESIDENCIES as readonly string[]).includes(v ?? '')

export function RosterPage() {
  const ctx = useCommitteeVillage()
  const { params } = useRouter()
  const [residency, setResidency] = useState<Residency | 'all'>(
    isResidency(params.residency) ? params.residency : 'all',
  )
  const allowed = ctx.villageId !== null && ctx.bench.viewRoster
  const villageId = ctx.villageId ?? 0
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const list = usePagedList<ResidentView>(
    allowed
      ? (page) =>
          call(
            rosterRoutes.residents,
            {
              params: { villageId },
              query: {
                page,
                pageSize: 20,
                q: q || undefined,
                residency: residency === 'all' ? undefined : residency,
              },
            },
            { toast: false },
          )
      : null,
    (r) => r.id,
    [allowed, villageId, q, residency],
  )
  const [importing, setImporting] = useState(false)
  const [imported, setImported] = useState<RosterImportResult | null>(null)
  const [showHelp, setShowHelp] = useState(false)

  const gate = committeeGate(ctx, 'viewRoster', '查看花名册')
  if (gate) return <PageRoot>{gate}</PageRoot>

  async function runImport() {
    const file = await pickRosterFile()
    if (!file) return
    if (!isRosterFileName(file.name)) {
      releasePickedFile(file)
      void Taro.showModal({
        title: '提示',
        content: '请选择 .xlsx 或 .csv 格式的表格文件',
        showCancel: false,
        confirmText: '知道了',
      })
      return
    }
    setImporting(true)
    void Taro.showLoading({ title: '正在导入…', mask: true })
    try {
      const result = await call(rosterRoutes.import, {
        params: { villageId },
        file: { path: file.path, name: file.name },
      })
      setImported(result)
      void list.reload()
    } catch {
      // the request layer has said what went wrong
    } finally {
      void Taro.hideLoading()
      releasePickedFile(file)
      setImporting(false)
    }
  }

  const search = () => setQ(typed.trim())

  const body = (
    <PagedList
      list={list}
      empty={
        q ? (
          <EmptyView title={`没有找到“${q}”`} description="换个名字或户号再找找。" />
        ) : (
          <EmptyView
            title="花名册还是空的"
            description={
              ctx.bench.importRoster
                ? '点上面的“导入花名册”，把村里的名单表格导进来。'
                : '村（居）委会导入名单后，会显示在这里。'
            }
          />
        )
      }
      title={q ? `找到 ${list.total} 人` : `共 ${list.total} 人`}
    >
      {(r) => (
        <View
          key={r.id}
          className={`xl-card resident${ctx.bench.importRoster ? ' xl-tap' : ''}`}
          onClick={() => {
            // the 两委 keep the residence: status, declaration, admission
            if (ctx.bench.importRoster)
              void Taro.navigateTo({
                url: withQuery(ROUTES.committeeResidence, {
                  villageId,
                  id: r.id,
                  householdId: r.householdId,
                }),
              })
          }}
        >
          <View className="resident__head">
            <Text className="resident__name">{r.name}</Text>
            <Text className="xl-muted">
              {SEX_LABELS[r.sex]} · {r.age} 岁
            </Text>
            {r.isHouseholdHead ? <Text className="resident__badge">户主</Text> : null}
            {r.residency !== 'registered' ? (
              <Text className="resident__badge resident__badge--residency">
                {RESIDENCY_LABELS[r.residency]}
              </Text>
            ) : null}
          </View>
          <View className="resident__facts">
            <View>身份证号：{maskIdNumber(r.idNumber)}</View>
            <View>
              户号：{r.householdCode}
              {r.groupName ? ` · ${r.groupName}` : ''}
            </View>
          </View>
          <RoleTags roles={r.roles} hideResident />
        </View>
      )}
    </PagedList>
  )

  return (
    <PageRoot className="roster">
      <View className="roster__search">
        <Input
          value={typed}
          placeholder="输入姓名或户号查找"
          clearable
          confirmType="search"
          maxLength={30}
          onChange={setTyped}
          onClear={() => {
            setTyped('')
            setQ('')
          }}
          onConfirm={search}
        />
        <Button type="primary" onClick={search}>
          查找
        </Button>
      </View>

      {ctx.bench.importRoster ? (
        <View className="xl-card roster__import">
          <View className="xl-actions">
            <Button type="primary" loading={importing} disabled={importing} onClick={() => void runImport()}>
              导入花名册
            </Button>
            <Button onClick={() => setShowHelp((s) => !s)}>{showHelp ? '收起说明' : '表格怎么填'}</Button>
            <Button
              onClick={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.committeeNewcomers, { villageId }) })
              }
            >
              登记申请
            </Button>
          </View>
          {showHelp ? (
            <View className="roster__help">
              <View>
                {process.env.TARO_ENV === 'weapp'
                  ? '先把表格（.xlsx 或 .csv）发到微信聊天里，再点“导入花名册”从聊天里选这个文件。'
                  : '点“导入花名册”，选电脑或手机里的表格（.xlsx 或 .csv）。'}
              </View>
              <View>表格第一行写表头。必须有：{REQUIRED}。</View>
              <View>可以有：{OPTIONAL}。</View>
            </View>
          ) : null}
        </View>
      ) : null}

      <Chips scroll options={RESIDENCY_FILTERS} value={residency} onChange={setResidency} />

      {imported ? <ImportResult result={imported} onClose={() => setImported(null)} /> : null}

      {body}
    </PageRoot>
  )
}

function ImportResult({ result, onClose }: { result: RosterImportResult; onClose: () => void }) {
  return (
    <View className="xl-card import-result">
      <View className="xl-card__title">导入完成</View>
      <View className="xl-card__text">
        表格共 {result.totalRows} 行，导入 {result.imported} 人，新建 {result.householdsCreated} 户。
      </View>
      {result.failed.length > 0 ? (
        <>
          <View className="import-result__warn">
            有 {result.failed.length} 行没有导入，请在表格里改好后再导入一次：
          </View>
          {result.failed.map((f) => (
            <View key={f.row} className="import-result__row">
              第 {f.row} 行：{f.reason}
            </View>
          ))}
        </>
      ) : (
        <View className="import-result__ok">全部导入成功。</View>
      )}
      <View className="xl-actions">
        <Button onClick={onClose}>知道了</Button>
      </View>
    </View>
  )
}
