#!/usr/bin/env node
// Copies the few Tabler icons (MIT, https://tabler.io/icons) the miniapp uses into
// miniapp/src/assets/icons, coloured (an <Image> cannot take currentColor), and draws the tab bar's
// PNGs (WeChat's tab bar takes no SVG) at 81×81 in the normal and selected colours.
// Run after changing the lists below:
//   npm pack @tabler/icons@3.54.0 && tar xzf tabler-icons-3.54.0.tgz
//   node scripts/icons.mjs path/to/package
import { Buffer } from 'node:buffer'
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const source = process.argv[2]
if (!source) {
  console.error('usage: node scripts/icons.mjs <unpacked @tabler/icons package>')
  process.exit(2)
}
// sharp is the server's (it resizes photos there); the miniapp has no copy of its own
const sharp = createRequire(join(root, 'server/package.json'))('sharp')

const PRIMARY = '#2b7a4b'
const TAB_COLOR = '#5c5f66' // app.config.ts tabBar.color
const TAB_SELECTED = PRIMARY // app.config.ts tabBar.selectedColor

/** 办事 entries (features/home/menuIcons.ts) */
const ICONS = [
  'id',
  'map-pin',
  'clipboard-list',
  'user-share',
  'layout-grid',
  'shield-check',
  'bell',
  'message-plus',
  'messages',
  'message-circle',
  'inbox',
  'user-check',
  'users',
  'home-plus',
  'user-plus',
  'users-group',
  'user-cog',
  'history',
  'alert-triangle',
  'chart-bar',
  'file-certificate',
  'files',
  'file-check',
  'rubber-stamp',
  'gavel',
  'calendar-event',
  'speakerphone',
  'eye-check',
  'writing-sign',
  'book',
  'notebook',
  'file-search',
  'award',
  'checklist',
  'list-check',
  'chart-pie',
  'heart-handshake',
  'calendar-user',
  'coins',
  'building-store',
  'clipboard-text',
  'truck-delivery',
  'report-analytics',
  'list-details',
  'building-community',
]
/** the tab bar, in app.config.ts order */
const TABS = { home: 'home', services: 'clipboard-list', public: 'news', mine: 'user' }

const svgOf = (name, color) =>
  readFileSync(join(source, 'icons/outline', `${name}.svg`), 'utf8')
    .replace(/stroke="currentColor"/g, `stroke="${color}"`)
    .replace(/\s*class="[^"]*"/, '')

const icons = join(root, 'miniapp/src/assets/icons')
mkdirSync(icons, { recursive: true })
for (const name of ICONS) writeFileSync(join(icons, `${name}.svg`), svgOf(name, PRIMARY))
copyFileSync(join(source, 'LICENSE'), join(icons, 'LICENSE'))

const tabs = join(root, 'miniapp/src/assets/tabbar')
mkdirSync(tabs, { recursive: true })
for (const [tab, name] of Object.entries(TABS)) {
  for (const [suffix, color] of [
    ['', TAB_COLOR],
    ['-active', TAB_SELECTED],
  ]) {
    const svg = Buffer.from(
      svgOf(name, color)
        .replace(/width="24"/, 'width="81"')
        .replace(/height="24"/, 'height="81"'),
    )
    await sharp(svg, { density: 300 })
      .resize(81, 81)
      .png()
      .toFile(join(tabs, `${tab}${suffix}.png`))
  }
}
copyFileSync(join(source, 'LICENSE'), join(tabs, 'LICENSE'))
console.log(`${ICONS.length} icons, ${Object.keys(TABS).length * 2} tab bar images`)
