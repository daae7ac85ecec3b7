// pnpm start: builds what changed, then runs the server with demo data on the embedded SQLite file
// under data/, serving the H5 app and the API on http://localhost:3000.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildWhatIsNeeded, root, run } from './lib.mjs'

await buildWhatIsNeeded()

// Secrets for the local demo are made once and kept beside the database, so tokens and encrypted
// ID numbers stay readable across restarts. A real deployment sets them in the environment.
const dataDir = join(root, 'data')
mkdirSync(dataDir, { recursive: true })
const secretsFile = join(dataDir, 'secrets.json')
if (!existsSync(secretsFile)) {
  writeFileSync(
    secretsFile,
    JSON.stringify(
      { JWT_SECRET: randomBytes(32).toString('hex'), FIELD_ENCRYPTION_KEY: randomBytes(32).toString('hex') },
      null,
      2,
    ),
    { mode: 0o600 },
  )
}
const secrets = JSON.parse(readFileSync(secretsFile, 'utf8'))

const env = {
  DEMO_ENABLED: 'true',
  SQLITE_PATH: join(dataDir, 'xiangli.sqlite'),
  H5_DIR: join(root, 'miniapp/dist-h5'),
  ...secrets,
  ...process.env,
}
process.exit(await run('node', ['server/dist/main.js'], { env }))
