/**
 * The server's clock on a test server: present only on a server started with TEST_CLOCK=true
 * (refused in production), so the browser tests can let the ten days before a villagers' meeting pass.
 */
import { z } from 'zod'
import { access, route } from './route'

export const testClockAdvanceSchema = z.object({
  /** how long to let pass, at most a year at a time */
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(366 * 86_400_000),
})
export type TestClockAdvance = z.input<typeof testClockAdvanceSchema>

/** The server's time and how far it has been moved ahead of the real one. */
export interface TestClockView {
  now: string
  offsetMs: number
}

const CLOCK = '/api/test/clock'

export const testClockRoutes = {
  read: route<TestClockView>()({
    method: 'GET',
    path: CLOCK,
    access: access.admin(),
    summary: '测试服务器的时间（仅 TEST_CLOCK=true 启动的服务器）',
  }),
  advance: route<TestClockView>()({
    method: 'POST',
    path: CLOCK,
    access: access.admin(),
    body: testClockAdvanceSchema,
    status: 200,
    summary: '让测试服务器的时间向前走（仅 TEST_CLOCK=true 启动的服务器；只能向前）',
  }),
}
