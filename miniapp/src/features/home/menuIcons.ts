// Tabler icons (MIT, see assets/icons/LICENSE), one per 办事 entry; scripts/icons.mjs copies them.
import alertTriangle from '@/assets/icons/alert-triangle.svg'
import award from '@/assets/icons/award.svg'
import bell from '@/assets/icons/bell.svg'
import book from '@/assets/icons/book.svg'
import buildingStore from '@/assets/icons/building-store.svg'
import calendarEvent from '@/assets/icons/calendar-event.svg'
import calendarUser from '@/assets/icons/calendar-user.svg'
import chartPie from '@/assets/icons/chart-pie.svg'
import chartBar from '@/assets/icons/chart-bar.svg'
import checklist from '@/assets/icons/checklist.svg'
import clipboardList from '@/assets/icons/clipboard-list.svg'
import coins from '@/assets/icons/coins.svg'
import clipboardText from '@/assets/icons/clipboard-text.svg'
import eyeCheck from '@/assets/icons/eye-check.svg'
import fileCertificate from '@/assets/icons/file-certificate.svg'
import fileCheck from '@/assets/icons/file-check.svg'
import fileSearch from '@/assets/icons/file-search.svg'
import files from '@/assets/icons/files.svg'
import gavel from '@/assets/icons/gavel.svg'
import buildingCommunity from '@/assets/icons/building-community.svg'
import heartHandshake from '@/assets/icons/heart-handshake.svg'
import history from '@/assets/icons/history.svg'
import homePlus from '@/assets/icons/home-plus.svg'
import id from '@/assets/icons/id.svg'
import inbox from '@/assets/icons/inbox.svg'
import layoutGrid from '@/assets/icons/layout-grid.svg'
import listCheck from '@/assets/icons/list-check.svg'
import listDetails from '@/assets/icons/list-details.svg'
import mapPin from '@/assets/icons/map-pin.svg'
import messageCircle from '@/assets/icons/message-circle.svg'
import messagePlus from '@/assets/icons/message-plus.svg'
import messages from '@/assets/icons/messages.svg'
import notebook from '@/assets/icons/notebook.svg'
import reportAnalytics from '@/assets/icons/report-analytics.svg'
import rubberStamp from '@/assets/icons/rubber-stamp.svg'
import shieldCheck from '@/assets/icons/shield-check.svg'
import speakerphone from '@/assets/icons/speakerphone.svg'
import truckDelivery from '@/assets/icons/truck-delivery.svg'
import userCheck from '@/assets/icons/user-check.svg'
import userCog from '@/assets/icons/user-cog.svg'
import userPlus from '@/assets/icons/user-plus.svg'
import userShare from '@/assets/icons/user-share.svg'
import users from '@/assets/icons/users.svg'
import usersGroup from '@/assets/icons/users-group.svg'
import writingSign from '@/assets/icons/writing-sign.svg'
import type { MenuItem } from './menu'

/** Every entry has one: a new MenuItem key does not compile until it gets an icon. */
export const MENU_ICONS: Record<MenuItem['key'], string> = {
  verify: id,
  newcomerApply: homePlus,
  newcomers: userPlus,
  inbox: bell,
  grievanceRaise: messagePlus,
  grievanceMine: messages,
  grievanceWall: messageCircle,
  grievances: inbox,
  verifications: userCheck,
  roster: users,
  roles: userCog,
  audit: history,
  townshipGrievances: alertTriangle,
  townshipCertificateStats: chartBar,
  certificateCatalogue: fileCertificate,
  certificateMine: files,
  certificates: fileCheck,
  sealRegister: rubberStamp,
  deliberations: gavel,
  deliberationsBench: calendarEvent,
  notices: speakerphone,
  townshipNotices: eyeCheck,
  petitions: writingSign,
  gridMine: mapPin,
  gridAssigned: clipboardList,
  gridGroup: usersGroup,
  proxy: userShare,
  grids: layoutGrid,
  contentReview: shieldCheck,
  villageRules: book,
  villageRulesBench: notebook,
  townshipVillageRules: fileSearch,
  cadreReviews: award,
  townshipCadreReviews: checklist,
  polls: listCheck,
  pollsBench: chartPie,
  activities: heartHandshake,
  activitiesBench: calendarUser,
  points: coins,
  pointsBench: buildingStore,
  serviceCatalogue: buildingCommunity,
  serviceMine: clipboardText,
  serviceQueue: truckDelivery,
  townshipServiceStats: reportAnalytics,
  townshipServiceCatalogue: listDetails,
}
