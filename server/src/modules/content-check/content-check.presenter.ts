import { CONTENT_KIND_LABELS, type ContentCheckView, type ContentQueueState } from '@xiangli/shared'
import type { ContentCheck, ContentCheckMedia } from './entities/content-check.entity'

/** A check as the 两委 review it. */
export function presentCheck(
  c: ContentCheck,
  media: ContentCheckMedia[],
  urlOf: (fileId: number) => string,
): ContentCheckView {
  const flagged = media.find((p) => p.suggest === 'risky' || p.suggest === 'review')
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: CONTENT_KIND_LABELS[c.kind],
    itemId: c.itemId,
    parentId: c.parentId,
    // a check that passed reads as approved in the queue's history
    status: (c.status === 'passed' ? 'approved' : c.status) as ContentQueueState,
    text: c.text,
    photoUrls: media.map((p) => urlOf(p.fileId)),
    label: c.label ?? flagged?.label ?? null,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
  }
}
