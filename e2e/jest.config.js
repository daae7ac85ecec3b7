// Browser tests: the built server serves the built H5 app; headless Chromium drives it.
module.exports = {
  displayName: 'browser',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // the contract's routes, as the server is built from them (shared/dist, built before the server)
  moduleNameMapper: { '^@xiangli/shared$': '<rootDir>/../shared/dist/index.js' },
  testTimeout: 90000,
  // every test file fails when the browser refused something under the content security policy
  setupFilesAfterEnv: ['<rootDir>/support/policy.ts'],
  // one Chromium at a time on a two-core machine
  maxWorkers: 1,
}
