export default definePageConfig({ navigationBarTitleText: '村务公开督办', enablePullDownRefresh: true })
