import { loadSharp } from '../../core/lazy-modules'
import { idNumberCheckChar } from '@xiangli/shared'
import type { AccountsDirectory } from '../auth/accounts-directory'
import type { NewcomersService } from '../newcomers/newcomers.service'
import type { TxService } from '../../core/tx/tx.service'

/** Someone registered in 成都 who rents in 柳林村 and asks to be on its roster (非户籍常住). */
const first17 = '51010419920814062'
export const DEMO_APPLICANT = {
  name: '孙悦',
  idNumber: first17 + idNumberCheckChar(first17),
  phone: '13800000088',
  address: '柳林村二组 12 号（租住）',
  movedInDaysAgo: 200,
}

/** A drawing of a signed page, standing in for the photo of a rental contract. */
function contractPhoto(): Promise<Buffer> {
  const lines = Array.from(
    { length: 9 },
    (_, i) => `<rect x="60" y="${90 + i * 34}" width="${i === 8 ? 180 : 360}" height="10" fill="#9a9a9a"/>`,
  )
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480">
    <rect width="480" height="480" fill="#d9cdb3"/>
    <rect x="30" y="20" width="420" height="440" fill="#fbf8f0"/>
    <rect x="150" y="45" width="180" height="18" fill="#555"/>
    ${lines.join('')}
    <circle cx="360" cy="400" r="38" fill="none" stroke="#c0392b" stroke-width="6"/>
  </svg>`
  return loadSharp()(Buffer.from(svg)).png().toBuffer()
}

/** 柳林村's committee finds one application waiting, with its proof photo (outside the seed's transaction: files are stored first). */
export async function seedDemoNewcomers(
  tx: TxService,
  accounts: AccountsDirectory,
  newcomers: NewcomersService,
  villageId: number,
  now: Date,
): Promise<void> {
  const accountId = await tx.run((m) => accounts.seedDemoAccount(m, DEMO_APPLICANT.name, null))
  await newcomers.seedDemo({ ...DEMO_APPLICANT, villageId, accountId, proof: await contractPhoto(), now })
}
