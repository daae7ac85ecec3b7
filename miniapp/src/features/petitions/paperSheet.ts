import type { PetitionPaperSheetView, ProxyCandidate } from '@xiangli/shared'

/** What a recorded sheet added, in one line: who counted, who had signed already, who could not sign. */
export function paperSheetLine(
  s: Pick<PetitionPaperSheetView, 'counted' | 'alreadySigned' | 'notEligible'>,
): string {
  const parts = [`新计入 ${s.counted} 人`]
  if (s.alreadySigned > 0) parts.push(`${s.alreadySigned} 人之前已联名，不重复计算`)
  if (s.notEligible.length > 0) parts.push(`不符合联名条件未计入：${s.notEligible.join('、')}`)
  return parts.join('；')
}

/** The people chosen from the roster as having signed the sheet: each once, in the order chosen. */
export function addSigner(list: readonly ProxyCandidate[], c: ProxyCandidate): ProxyCandidate[] {
  return list.some((x) => x.residentId === c.residentId) ? [...list] : [...list, c]
}

/** What the sheet's form still needs before it can be sent; null when it is ready. */
export function sheetProblem(photoId: number | null, signers: readonly unknown[]): string | null {
  if (photoId === null) return '请拍下签名表，等照片传完再登记'
  if (signers.length === 0) return '请从花名册选出签了名的村民'
  return null
}
