module.exports = {
  displayName: 'miniapp',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.[tj]sx?$': ['@swc/jest'] },
  // ECharts and its renderer ship as ES modules only
  transformIgnorePatterns: ['/node_modules/\\.pnpm/(?!(echarts|zrender|tslib)@)'],
  moduleNameMapper: {
    '^@xiangli/shared$': '<rootDir>/../shared/src/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
}
