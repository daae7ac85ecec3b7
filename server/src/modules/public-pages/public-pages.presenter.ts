/**
 * The public pages as HTML: a notice, a village's 公开栏, the certificate check, and the page that
 * says something is not there. Pure: views in, a whole page out, every user string escaped.
 */
import {
  APP_PAGES,
  CERTIFICATE_CHECK_PATH,
  NOTICE_CATEGORY_LABELS,
  RETAINED_AFTER_DELETION,
  beijingDate,
  certificateCheckVerdict,
  noticePage as appNoticePage,
  pageRoutes,
  pathOf,
  sumFinanceLines,
  type FinanceLine,
  type PrivacyGuide,
  type FinanceTotals,
  type NoticeCategory,
  type NoticePage,
  type NoticeSummary,
  type NoticeVersionView,
  type PublicCertificateCheck,
  type PublicNoticeView,
} from '@xiangli/shared'
import { appLink, cnDate, h, layout, yuan, type Html } from './html'

const day = (iso: string): string => cnDate(beijingDate(new Date(iso)))

const kb = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** 公示期 and where today stands in it. */
function period(p: { state: string; periodStart: string | null; periodEnd: string | null }, today: string) {
  if (!p.periodStart || !p.periodEnd) return null
  const range = `公示期：${cnDate(p.periodStart)}至${cnDate(p.periodEnd)}`
  const where =
    p.state === 'ended' || today > p.periodEnd
      ? '公示期已结束，公告仍可查看'
      : today < p.periodStart
        ? `${cnDate(p.periodStart)}开始公示`
        : '公示中，期间本村村民可以提出异议'
  return h`<p>${range}</p><p class="muted">${where}</p>`
}

function financeSection(title: string, lines: FinanceLine[], total: number): Html {
  const rows = lines.map(
    (l) =>
      h`<tr><td>${l.item}${l.note ? h`<div class="muted">${l.note}</div>` : null}</td><td class="n">${yuan(l.amountFen)}</td></tr>`,
  )
  const none =
    lines.length === 0 ? h`<tr><td colspan="2" class="muted">本期没有${title.slice(0, 2)}</td></tr>` : null
  return h`<table><thead><tr><th>${title}</th><th class="n">金额</th></tr></thead><tbody>${rows}${none}<tr><th>合计</th><th class="n">${yuan(total)}</th></tr></tbody></table>`
}

/** 收支明细: income and expense with their totals recomputed from the lines, and the balances. */
function finance(lines: FinanceLine[], totals: FinanceTotals | null): Html {
  const sums = sumFinanceLines(lines)
  const open = totals?.openingBalanceFen
  const close = totals?.closingBalanceFen
  const income = financeSection(
    '收入明细',
    lines.filter((l) => l.kind === 'income'),
    sums.income,
  )
  const expense = financeSection(
    '支出明细',
    lines.filter((l) => l.kind === 'expense'),
    sums.expense,
  )
  const opening = open != null ? h`<tr><td>期初余额</td><td class="n">${yuan(open)}</td></tr>` : null
  const closing = close != null ? h`<tr><td>期末余额</td><td class="n">${yuan(close)}</td></tr>` : null
  return h`${income}${expense}<table><tbody><tr><th>收支相抵</th><th class="n">${yuan(sums.income - sums.expense)}</th></tr>${opening}${closing}</tbody></table>`
}

/** One version's text, its 收支明细 on a finance notice, and its files. */
function content(v: NoticeVersionView, category: NoticeCategory): Html {
  const files = v.attachments.map(
    (a) => h`<li><a href="${a.url}">${a.name ?? '附件'}</a> <span class="muted">${kb(a.size)}</span></li>`,
  )
  return h`${v.body ? h`<div class="text">${v.body}</div>` : null}${
    category === 'finance' ? finance(v.lines, v.totals) : null
  }${files.length ? h`<h2>附件</h2><ul class="list">${files}</ul>` : null}`
}

/** Every version, newest first; each earlier one opens in full (a <details>: no script needed). */
function versionHistory(versions: NoticeVersionView[], category: NoticeCategory): Html | null {
  if (versions.length < 2) return null
  const items = versions.map((v, i) => {
    const when = v.reason ? `${day(v.createdAt)}更正` : `首次发布 · ${day(v.createdAt)}`
    const full =
      i > 0
        ? h`<details><summary>查看这一版全文</summary><h2>${v.title}</h2>${content(v, category)}</details>`
        : null
    return h`<li><div>第 ${v.version} 版${i === 0 ? '（现行）' : ''} · ${when}</div>${
      v.reason ? h`<div>更正原因：${v.reason}</div>` : null
    }<div class="muted">内容指纹：${v.contentHash.slice(0, 16)}</div>${full}</li>`
  })
  return h`<section><h2>更正记录（共 ${versions.length} 个版本）</h2><ul class="list">${items}</ul></section>`
}

/** A published notice: the latest version in full, saying so when it was corrected. */
export function noticeHtml(n: PublicNoticeView, today: string): string {
  const current = n.versions[0]
  if (!current) return notFoundHtml()
  const corrected = current.version > 1
  const tags = h`<span class="tag">${NOTICE_CATEGORY_LABELS[n.category]}</span>${
    corrected ? h`<span class="tag warn">已更正 · 第 ${current.version} 版</span>` : null
  }`
  const correction = corrected
    ? h`<div class="note">本公告已更正，这里是更正后的第 ${current.version} 版（${day(current.createdAt)}更正）。${
        current.reason ? h`<br>更正原因：${current.reason}` : null
      }</div>`
    : null
  const opinion = n.supervisionOpinion
    ? h`<section><h2>村务监督委员会意见</h2><div class="text">${n.supervisionOpinion}</div></section>`
    : null
  const objections =
    n.objectionCount > 0
      ? h`<section class="muted">公示期内村民提出异议 ${n.objectionCount} 件。</section>`
      : null
  return layout(
    `${current.title} - ${n.villageName}`,
    h`<section><h1>${current.title}</h1><div>${tags}</div><p class="meta">${n.villageName} · ${day(n.publishedAt)} 发布</p>${correction}${period(
      n,
      today,
    )}${content(current, n.category)}</section>${opinion}${objections}${versionHistory(n.versions, n.category)}<a class="act" href="${appLink(
      appNoticePage('resident', n.id),
    )}">在乡里中打开（可确认已阅、提出异议）</a><a class="act plain" href="${pathOf(pageRoutes.board, {
      villageId: n.villageId,
    })}">看${n.villageName}的公开栏</a>`,
  )
}

function boardItem(n: NoticeSummary, today: string): Html {
  const p = period(n, today)
  const when = `${n.publishedAt ? `${day(n.publishedAt)} 发布` : ''}${p && n.periodEnd ? ` · 公示至${cnDate(n.periodEnd)}` : ''}`
  return h`<li><a href="${pathOf(pageRoutes.notice, { id: n.id })}">${n.title}</a><div>${
    n.pinned ? h`<span class="tag warn">置顶</span>` : null
  }<span class="tag">${NOTICE_CATEGORY_LABELS[n.category]}</span>${
    n.version > 1 ? h`<span class="tag">已更正</span>` : null
  }</div><div class="muted">${when}</div>${n.excerpt ? h`<div class="muted">${n.excerpt}</div>` : null}</li>`
}

/** A page of the 公开栏, pinned first, newest next, with links to the pages before and after. */
export function boardHtml(village: { id: number; name: string }, list: NoticePage, today: string): string {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize))
  const at = (page: number) =>
    `${pathOf(pageRoutes.board, { villageId: village.id })}${page > 1 ? `?page=${page}` : ''}`
  const items = list.items.length
    ? h`<ul class="list">${list.items.map((n) => boardItem(n, today))}</ul>`
    : h`<p class="muted">${list.page > 1 ? '这一页没有公告了。' : '暂时没有公开的内容。'}</p>`
  const before = list.page > 1 ? h`<a class="act plain" href="${at(list.page - 1)}">上一页</a>` : null
  const after = list.page < pages ? h`<a class="act plain" href="${at(list.page + 1)}">下一页</a>` : null
  return layout(
    `${village.name}公开栏`,
    h`<section><h1>${village.name}公开栏</h1><p class="meta">村务、财务、党务公开，共 ${list.total} 条${
      pages > 1 ? `，第 ${list.page}/${pages} 页` : ''
    }</p>${items}${before}${after}</section><a class="act" href="${appLink(
      APP_PAGES.board,
    )}">在乡里中打开公开栏（本村村民登录后可看本组公告）</a>`,
  )
}

function checkResult(r: PublicCertificateCheck): Html {
  const v = certificateCheckVerdict(r)
  const facts =
    r.result === 'valid' || r.result === 'revoked'
      ? h`<p>证明事项：${r.itemName}</p><p>出具单位：${r.villageName}</p><p>出具日期：${cnDate(r.issuedOn)}</p><p>持证人：${r.holderName}</p><p>证明编号：${r.number}</p>`
      : r.result === 'mismatch'
        ? h`<p>证明编号：${r.number}</p>`
        : null
  return h`<section class="check ${v.good ? 'good' : 'bad'}"><p class="verdict">${v.label}</p>${facts}${
    v.advice ? h`<p>${v.advice}</p>` : null
  }</section>`
}

/** The check: the verdict when a number and code were given, and always the form for another. */
export function checkHtml(
  q: { n?: string; c?: string },
  result: PublicCertificateCheck | null,
  problem: string | null,
): string {
  const n = result ? '' : (q.n ?? '')
  const c = result ? '' : (q.c ?? '')
  const form = h`<form method="get" action="${CERTIFICATE_CHECK_PATH}">${
    problem ? h`<p class="bad note">${problem}</p>` : null
  }<label for="n">证明编号</label><input id="n" name="n" value="${n}" maxlength="40" placeholder="例如：330106101201-2026-0007" autocomplete="off"><label for="c">查验码</label><input id="c" name="c" value="${c}" maxlength="20" placeholder="例如：K7QM-3XPA" autocomplete="off" autocapitalize="characters"><button type="submit">查验</button></form>`
  return layout(
    result ? `证明查验：${certificateCheckVerdict(result).label}` : '证明查验',
    h`<section><h1>证明查验</h1><p class="muted">查一份村（社区）开具的证明是不是真的。证明下方印有证明编号和查验码，扫证明上的二维码也能直接查。</p></section>${
      result ? checkResult(result) : null
    }<section><h2>${result ? '查另一份' : '输入证明编号和查验码'}</h2>${form}</section><a class="act plain" href="${appLink(
      APP_PAGES.certificates,
    )}">在乡里中申请开具证明</a>`,
  )
}

/** Something that is not there (or not published): said plainly, with the way on. */
export function notFoundHtml(): string {
  return layout(
    '没有找到这个页面',
    h`<section><h1>没有找到这个页面</h1><p>链接可能不完整，或者这条内容已经撤下、还没有公开。请向发链接的人核对，或到村务公开栏查看。</p></section><a class="act" href="/">打开乡里</a>`,
  )
}

/** Any other refusal or failure, as a page: its message, already in plain Chinese. */
export function errorHtml(message: string): string {
  return layout(
    '出错了',
    h`<section><h1>出错了</h1><p>${message}</p></section><a class="act" href="/">打开乡里</a>`,
  )
}

/** The 用户隐私保护指引, the same text as the app's page (PRIVACY_GUIDE in shared). */
export function privacyHtml(g: PrivacyGuide): string {
  const sections = g.sections.map(
    (s) => h`<section><h2>${s.title}</h2>${s.paragraphs.map((p) => h`<p>${p}</p>`)}</section>`,
  )
  return layout(
    g.title,
    h`<section><h1>${g.title}</h1><p class="meta">第 ${g.version} 版，${cnDate(g.effectiveOn)}起施行</p></section>${sections}<section><h2>删除时保留的记录</h2><ul>${RETAINED_AFTER_DELETION.map((r) => h`<li>${r}</li>`)}</ul></section>`,
  )
}
