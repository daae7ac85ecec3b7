// moved to dialect.ts, the one place that knows the databases apart
export { isUniqueViolation } from './dialect'
