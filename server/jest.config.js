// Unit tests run once; integration tests run once per database (TEST_DB=sqlite | mysql).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2021',
    },
  },
]
const db = process.env.TEST_DB || 'sqlite'
module.exports = {
  displayName: `server:${db}`,
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch:
    process.env.TEST_SCOPE === 'unit'
      ? ['<rootDir>/test/unit/**/*.test.ts']
      : process.env.TEST_SCOPE === 'integration'
        ? ['<rootDir>/test/integration/**/*.test.ts']
        : ['<rootDir>/test/**/*.test.ts'],
  // production runs on MySQL only: what needs it (several instances on one database) is named *.mysql.test.ts
  testPathIgnorePatterns: db === 'mysql' ? ['/node_modules/'] : ['/node_modules/', '\\.mysql\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': swc,
    // a few HTTP helpers ship as ES modules only; compile them to CommonJS for the test runner
    '^.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2021' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/\\.pnpm/(?!(cookie|content-disposition)@)'],
  moduleNameMapper: { '^@xiangli/shared$': '<rootDir>/../shared/src/index.ts' },
  testTimeout: 60000,
}
