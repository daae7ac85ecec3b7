export default definePageConfig({ navigationBarTitleText: '便民服务目录' })
