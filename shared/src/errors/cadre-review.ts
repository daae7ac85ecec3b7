import type { ErrorInfo } from './info'

/** 民主评议 (Art 33): the yearly review of the village's cadres by secret ballot. */
export const REVIEW_ERRORS = {
  REVIEW_NOT_SUPERVISOR: { status: 403, message: '民主评议由村务监督委员会主持，您不是监委会成员，不能办理' },
  REVIEW_NOT_FOUND: { status: 404, message: '没有找到这次民主评议' },
  REVIEW_YEAR_TAKEN: { status: 409, message: '这一年的民主评议已经开始了，请在原来的评议里办理' },
  REVIEW_NOT_REPORTING: { status: 409, message: '评议会议已经通知，不能再改被评议人员名单' },
  REVIEW_SUBJECT_NOT_ON_ROSTER: { status: 422, message: '这个人不在本村花名册上' },
  REVIEW_SUBJECT_ALREADY_LISTED: { status: 409, message: '这个人已经在被评议名单里了' },
  REVIEW_SUBJECT_POST_NOT_HELD: { status: 422, message: '这个人没有担任所选的村委会职务，请核对后再选' },
  REVIEW_NO_SUBJECTS: { status: 422, message: '被评议人员名单是空的，请先列出被评议的人' },
  REVIEW_NOT_THE_SUBJECT: { status: 403, message: '述职报告只能由被评议人本人提交' },
  REVIEW_REPORTS_MISSING: { status: 422, message: '还有被评议人没有提交述职报告，交齐后才能通知开会' },
  REVIEW_MEETING_EXISTS: { status: 409, message: '评议会议已经通知了，请按通知的时间开会' },
  REVIEW_NO_MEETING: { status: 409, message: '还没有通知评议会议' },
  REVIEW_NOT_A_MEMBER: { status: 403, message: '您不是这次评议会议的应到人员，不能签到或投票' },
  REVIEW_NOT_CHECKED_IN: { status: 409, message: '请先签到，签到后才能投票' },
  REVIEW_ALREADY_CHECKED_IN: { status: 409, message: '您已经签到了' },
  REVIEW_ALREADY_VOTED: { status: 409, message: '您已经投过票了，每人只能投一次' },
  REVIEW_UNKNOWN_SUBJECT: { status: 422, message: '选票上有不在被评议名单里的人，请刷新后重新填写' },
  REVIEW_BALLOT_INCOMPLETE: { status: 422, message: '请给每一位被评议人都选一项：称职、基本称职或不称职' },
  REVIEW_NOT_IN_SESSION: { status: 409, message: '评议会议没有在开，现在不能投票或结束' },
  REVIEW_PAPER_COUNT_INVALID: {
    status: 422,
    message: '纸质票的计票数对不上：每人得票加起来不能超过收回的纸质票，纸质票和手机票加起来不能超过到会人数',
  },
  REVIEW_PUBLISHED: { status: 409, message: '这次评议的结果已经公布，不能再改' },
} satisfies Record<string, ErrorInfo>
