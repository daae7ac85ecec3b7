#!/usr/bin/env bash
# The release bundle as an operator gets it: extracted into an empty folder and run with `node` alone
# (no pnpm, no repository beside it) in production against MariaDB. Checks the native modules load,
# /health, the H5 app, a public page, then a SIGTERM stop with exit 0.
#   .ci/release-smoke.sh [release/xiangli.tar.gz]   (MYSQL_URL: a server whose root may make databases)
set -Eeuo pipefail
cd "$(dirname "$0")/.."
tarball="$(realpath "${1:-release/xiangli.tar.gz}")"
base="${MYSQL_URL:-mysql://root@127.0.0.1:3306/test}"
db="xiangli_release_test_$$"
port=$((30000 + $$ % 20000))
dir="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$dir"
}
trap cleanup EXIT
mariadb -h127.0.0.1 -uroot -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

tar -xzf "$tarball" -C "$dir"
cd "$dir/xiangli"
cat RELEASE
node_bin="$(dirname "$(command -v node)")"
# only node on the PATH: nothing from the workspace, no pnpm
only_node=(env -i "PATH=$node_bin" "HOME=$dir")
"${only_node[@]}" node -e "
  const db = new (require('better-sqlite3'))(':memory:')
  if (db.prepare('SELECT 1 AS one').get().one !== 1) process.exit(1)
  require('sharp')({ create: { width: 4, height: 2, channels: 3, background: '#2b7a4b' } }).webp().toBuffer()
    .then((b) => console.log('native modules: better-sqlite3 and sharp (' + b.length + ' byte WebP)'))
"

"${only_node[@]}" \
  NODE_ENV=production PORT="$port" HOST=127.0.0.1 LOG_LEVEL=info \
  DATABASE_URL="${base%/*}/$db" \
  PUBLIC_BASE_URL=https://xiangli.example.cn \
  JWT_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  FIELD_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  WECHAT_APP_ID=wx-release-check WECHAT_APP_SECRET=release-check-secret \
  UPLOAD_DIR="$dir/uploads" \
  node start.mjs >"$dir/server.log" 2>&1 &
pid=$!

url="http://127.0.0.1:$port"
for _ in $(seq 1 150); do
  curl -fsS "$url/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log"; echo "the bundle's server exited"; exit 1; }
  sleep 0.2
done
curl -fsS "$url/health" | head -c 200; echo
curl -fsS "$url/" | grep -q '<div id="app"' || { echo "no H5 index at /"; exit 1; }
echo "H5 index: ok"
page="$(curl -fsS "$url/certificates/check?n=330106101201-2026-0007&c=K7QM3XPA")"
grep -q '证明' <<<"$page" || { echo "the public check page did not answer"; exit 1; }
echo "public page /certificates/check: ok"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
grep -q '"msg":"stopped"' "$dir/server.log" || { cat "$dir/server.log"; echo "no graceful stop logged"; exit 1; }
[ "$status" -eq 0 ] || { cat "$dir/server.log"; echo "exit $status after SIGTERM"; exit 1; }
migrations="$(mariadb -h127.0.0.1 -uroot -N -e "SELECT COUNT(*) FROM $db.migrations")"
[ "$migrations" -gt 0 ] || { echo "no migrations ran"; exit 1; }
echo "release bundle: $migrations migrations ran; started from an empty folder with node alone, stopped on SIGTERM with exit 0"

