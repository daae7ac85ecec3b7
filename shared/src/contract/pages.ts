/**
 * The public pages that are shared into WeChat groups or printed as QR codes: a published notice, a
 * village's 公开栏 and the certificate check. Plain HTML rendered by the server, readable without
 * JavaScript on a weak signal, each with a link into the app for those who want to act. A page that
 * is not there (or not published) answers a plain 404 page, never JSON.
 */
import { z } from 'zod'
import { CERTIFICATE_CHECK_PATH } from '../certificates'
import { access, route, type HtmlPage } from './route'

/** The 公开栏's page number (30 notices a page). */
export const boardPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
})

/** The check page's query: both given, it checks; otherwise it shows the form, filled with what was given. */
export const checkPageQuerySchema = z.object({
  n: z.string().trim().max(40).optional(),
  c: z.string().trim().max(20).optional(),
})

/**
 * The app's pages (H5 hash routes) the public pages link to, for those who want to act: the 公开 tab
 * and 开证明. A notice links to its resident page (NOTICE_PAGES). The miniapp's routes test holds these
 * to its own routes.
 */
export const APP_PAGES = {
  board: '/pages/public/index',
  certificates: '/subpackages/certificate/pages/catalogue/index',
} as const

export const pageRoutes = {
  privacy: route<HtmlPage>()({
    method: 'GET',
    path: '/privacy',
    access: access.public(),
    html: true,
    summary: '用户隐私保护指引（网页，与小程序里的同一份）',
  }),
  notice: route<HtmlPage>()({
    method: 'GET',
    path: '/notices/:id',
    access: access.public(),
    html: true,
    summary: '一条已公开的公告（网页，分享链接和公开栏二维码打开它，无需登录）',
  }),
  board: route<HtmlPage>()({
    method: 'GET',
    path: '/villages/:villageId/notices',
    access: access.public(),
    query: boardPageQuerySchema,
    html: true,
    summary: '一个村的公开栏：面向全村的已公开公告（网页，无需登录）',
  }),
  certificateCheck: route<HtmlPage>()({
    method: 'GET',
    path: CERTIFICATE_CHECK_PATH,
    access: access.public(),
    query: checkPageQuerySchema,
    html: true,
    summary: '证明查验（网页，证明上的二维码打开它，无需登录）',
  }),
} as const
