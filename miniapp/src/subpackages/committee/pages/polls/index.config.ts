export default definePageConfig({ navigationBarTitleText: '问卷（意见征集）' })
