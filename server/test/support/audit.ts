import type { AuditVerifyResult, AuditVerifyRunView } from '@xiangli/shared'
import { VerifyRuns } from '../../src/modules/audit/use-cases/verify-runs'
import type { TestApp } from './app'

/**
 * Checks the chains as an administrator does over HTTP: starts a run, waits for it to end on this
 * instance, then reads its result back through the API.
 */
export async function runVerify(
  t: TestApp,
  adminToken: string,
  mode: 'full' | 'since_verified' = 'full',
): Promise<AuditVerifyRunView> {
  const started = await t.request({
    method: 'POST',
    url: '/api/audit/verify-runs',
    token: adminToken,
    body: { mode },
  })
  expect(started.status).toBe(201)
  expect(started.body).toMatchObject({ mode, state: 'running', checked: 0 })
  await t.app.get(VerifyRuns).settled(started.body.id)
  const read = await t.request({
    method: 'GET',
    url: `/api/audit/verify-runs/${started.body.id}`,
    token: adminToken,
  })
  expect(read.status).toBe(200)
  expect(read.body.state).toBe('done')
  return read.body
}

/** The result of a full check over HTTP. */
export async function verifyOverHttp(t: TestApp, adminToken: string): Promise<AuditVerifyResult> {
  return (await runVerify(t, adminToken)).result!
}
