// pnpm test: every test of the project, then one line "N passed, N failed".
//   shared unit tests · server unit tests · server integration tests on SQLite, and on MySQL when
//   MYSQL_URL is set (after building shared and the server: some suites run server/dist) · miniapp
//   tests · browser tests (headless Chromium on the H5 app served by the server)
// Before any stage runs, what the chosen stages need from the machine (Chromium, a Chinese font,
// poppler, Redis, the MariaDB client) is checked and installed with apt where it can be; where it cannot,
// the exact install command is printed and nothing runs (scripts/prereqs.mjs).
// Options: --no-browser skips the browser stage (it needs Chromium); --only=<stage> runs one stage.
import { runTests } from './test-run.mjs'

process.exit(await runTests(process.argv.slice(2)))
