import type { Viewer } from '../../core/access/viewer'
import { AppException } from '../../core/errors/app.exception'
import type { CadreReviewSubject } from './entities'

/**
 * Who may do what in 民主评议. The routes let in who may call them (the contract's role lists: the
 * supervision committee hosts); what depends on the person at hand is decided here.
 */

/** The supervision committee (村务监督委员会) hosts the review (Art 33). */
export const hosts = (v: Viewer, villageId: number): boolean => v.holds(villageId, ['supervisor'])

export function mustHost(v: Viewer, villageId: number): void {
  if (!hosts(v, villageId)) throw new AppException('REVIEW_NOT_SUPERVISOR')
}

/** A 述职报告 is the reviewed person's own. */
export function mustBeTheSubject(v: Viewer, villageId: number, s: CadreReviewSubject): void {
  if (v.residentIdIn(villageId) !== s.residentId) throw new AppException('REVIEW_NOT_THE_SUBJECT')
}
