export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/public/index',
    'pages/mine/index',
    // 证明查验: the QR code on a certificate opens it, without logging in
    'pages/certificate-check/index',
    // 公示 share link: anyone reads a published notice and its versions without logging in
    'pages/notice/index',
  ],
  subPackages: [
    {
      // 我的: logging in, 实名认证, switching village, the inbox, the privacy guide (WeChat's privacy
      // popup and the login's consent open it, before any login) and 我的数据 (what is held about me,
      // its export, asking for deletion). Out of the main package, which keeps the tab pages and
      // the two pages links from outside open (证明查验, a shared notice).
      root: 'subpackages/me',
      name: 'me',
      pages: [
        'pages/login/index',
        'pages/verify/index',
        'pages/switch/index',
        'pages/inbox/index',
        'pages/privacy/index',
        'pages/my-data/index',
        'pages/newcomer/index',
      ],
    },
    {
      // 村委工作台: only committee members and supervisors open these, so they stay out of the main package.
      root: 'subpackages/committee',
      name: 'committee',
      pages: [
        'pages/grievances/index',
        'pages/grievance/index',
        'pages/content-review/index',
        'pages/verifications/index',
        'pages/roster/index',
        'pages/roles/index',
        'pages/grids/index',
        'pages/audit/index',
        'pages/proxy/index',
        'pages/certificates/index',
        'pages/certificate/index',
        'pages/seal-register/index',
        // 村务公开: drafts, review, publishing, corrections, objections, acknowledgements, the calendar
        'pages/notices/index',
        'pages/notice/index',
        'pages/notice-compose/index',
        'pages/notice-objections/index',
        'pages/notice-acks/index',
        'pages/notice-calendar/index',
        // 议事: start one, schedule a step's meeting, publish
        'pages/deliberation-new/index',
        'pages/deliberation-schedule/index',
        'pages/deliberation-publish/index',
        // 问卷 (意见征集): the village's polls and a new one
        'pages/polls/index',
        'pages/poll-new/index',
        // 常住居民登记: applications, and one person's residence on the roster
        'pages/newcomers/index',
        'pages/residence/index',
      ],
    },
    {
      // 网格: a 网格员's grid and 民情收集; what the 两委 handed to the first line (网格员, 村民小组长).
      root: 'subpackages/grid',
      name: 'grid',
      pages: [
        'pages/mine/index',
        'pages/collect/index',
        'pages/assigned/index',
        'pages/group/index',
        'pages/group-issues/index',
      ],
    },
    {
      // 村民说事 for residents: raise, follow, rate; the village's public wall.
      root: 'subpackages/grievance',
      name: 'grievance',
      pages: ['pages/raise/index', 'pages/mine/index', 'pages/wall/index', 'pages/detail/index'],
    },
    {
      // 开证明 for residents: the catalogue, the request form, their requests and certificates.
      root: 'subpackages/certificate',
      name: 'certificate',
      pages: ['pages/catalogue/index', 'pages/apply/index', 'pages/mine/index', 'pages/detail/index'],
    },
    {
      // 村里议事 (四议两公开): anyone of the village reads; members check in and vote; the clerk runs the meeting.
      root: 'subpackages/deliberation',
      name: 'deliberation',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/meeting/index',
        // 一征: a resident's opinion, and the opinions
        'pages/opinion/index',
        'pages/opinions/index',
      ],
    },
    {
      // 村务公开 for residents: a notice with its versions, acknowledging it, objecting and their objections.
      root: 'subpackages/notice',
      name: 'notice',
      pages: ['pages/detail/index', 'pages/object/index', 'pages/objections/index'],
    },
    {
      // 联名提议: residents start and co-sign a request that a meeting be convened; the committee convenes it.
      root: 'subpackages/petition',
      name: 'petition',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/start/index', 'pages/paper-sheet/index'],
    },
    {
      // 村规民约 and 自治章程: residents read the text in force and its history; the 两委 draft, put to the
      // vote and file; the township reads filings and orders corrections.
      root: 'subpackages/village-rules',
      name: 'village-rules',
      pages: [
        'pages/current/index',
        'pages/version/index',
        'pages/manage/index',
        'pages/compose/index',
        'pages/filings/index',
      ],
    },
    {
      // 问卷 / 意见征集 for residents: the village's polls, answering one and its counts. Decides nothing.
      root: 'subpackages/poll',
      name: 'poll',
      pages: ['pages/list/index', 'pages/detail/index'],
    },
    {
      // 活动 / 志愿服务: residents sign up, check in by QR code and see their hours; the 两委 publish,
      // show the code, check in by hand and record hours.
      root: 'subpackages/activity',
      name: 'activity',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/check-in/index',
        'pages/my-hours/index',
        'pages/bench/index',
        'pages/compose/index',
        'pages/manage/index',
        'pages/qr/index',
        'pages/village-hours/index',
      ],
    },
    {
      // 积分制: a household's points with what earned each, the rules, the shop and the ranking (when
      // the village shows it); the 两委's rules and shop shelf, and the desk for awards and redemptions.
      root: 'subpackages/points',
      name: 'points',
      pages: [
        'pages/home/index',
        'pages/rules/index',
        'pages/shop/index',
        'pages/ranking/index',
        'pages/manage/index',
        'pages/desk/index',
      ],
    },
    {
      // 便民服务 (一门式): residents pick a service and follow it; the desk records each hand-off
      // (帮办代办); the township counts per service and village.
      root: 'subpackages/service',
      name: 'service',
      pages: [
        'pages/catalogue/index',
        'pages/item/index',
        'pages/apply/index',
        'pages/mine/index',
        'pages/detail/index',
        'pages/queue/index',
        'pages/stats/index',
        'pages/catalogue-edit/index',
      ],
    },
    {
      // 乡镇督办: only township officials open these.
      root: 'subpackages/township',
      name: 'township',
      pages: [
        'pages/grievances/index',
        'pages/grievance/index',
        'pages/certificate-stats/index',
        // 乡镇看板: every village's figures on one screen
        'pages/dashboard/index',
        // 村务公开督办: overdue objections, calendar compliance
        'pages/notices/index',
        'pages/notice/index',
        // 民主评议: each village's reviews and the posts ended by two 不称职 in a row
        'pages/cadre-reviews/index',
      ],
    },
    {
      // 民主评议 (Art 33): the supervision committee hosts, the reviewed report, members rate, all read.
      root: 'subpackages/cadre-review',
      name: 'cadre-review',
      pages: ['pages/list/index', 'pages/detail/index'],
    },
  ],
  preloadRule: {
    'pages/services/index': { network: 'all', packages: ['grievance', 'certificate', 'committee'] },
    // a first launch goes from the home to logging in, which lives in `me`
    'pages/home/index': { network: 'all', packages: ['me', 'grievance'] },
    'pages/mine/index': { network: 'all', packages: ['me'] },
    'pages/public/index': { network: 'all', packages: ['notice'] },
  },
  // the map picker for where a problem is (weapp); the H5 build asks for an address instead
  requiredPrivateInfos: ['chooseLocation'],
  // WeChat asks before the first API that touches personal information; platform/privacy.ts answers
  // with the 用户隐私保护指引 (PrivacyPopup). The H5 build ignores it.
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f2',
    navigationBarBackgroundColor: '#2b7a4b',
    navigationBarTitleText: '乡里',
    navigationBarTextStyle: 'white',
    // H5 draws Taro's own bar from this: every page's title, and a back (or home) arrow on sub-pages
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#5c5f66',
    selectedColor: '#2b7a4b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: 'pages/public/index',
        text: '公开',
        iconPath: 'assets/tabbar/public.png',
        selectedIconPath: 'assets/tabbar/public-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
})
