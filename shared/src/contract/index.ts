export * from './route'
export * from './grievances'
