import { JobRunner } from '../../src/core/jobs/job-runner'
import { DIALECT, startTestApp } from '../support/app'

describe(`background jobs when the server stops, on ${DIALECT}`, () => {
  it('waits for the run under way to finish before the database closes, and starts none after', async () => {
    const t = await startTestApp()
    const runner = t.app.get(JobRunner)
    const events: string[] = []
    runner.every('slow-test-job', 60_000, async () => {
      events.push('started')
      await new Promise((r) => setTimeout(r, 400))
      // the database is still open: the job's last write goes through
      await t.ds.query('SELECT 1')
      events.push('finished')
    })
    void runner.run('slow-test-job')
    expect(runner.runningNow()).toEqual(['slow-test-job'])
    await t.close()
    expect(events).toEqual(['started', 'finished'])
    await runner.run('slow-test-job')
    expect(events).toEqual(['started', 'finished'])
  })

  it('has no /metrics unless METRICS_TOKEN is set', async () => {
    const t = await startTestApp()
    try {
      const res = await t.request({ method: 'GET', url: '/metrics' })
      expect(res.status).toBe(404)
      expect(res.body).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }))
    } finally {
      await t.close()
    }
  })
})
