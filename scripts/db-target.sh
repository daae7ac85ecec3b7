# Sourced by backup-db.sh and restore-db.sh: reads the server's own settings (DATABASE_URL, or
# SQLITE_PATH; UPLOAD_DIR or S3_BUCKET) with the server's defaults, and sets DB_KIND, the MySQL
# connection (MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PWD, MYSQL_DB) or SQLITE_FILE, UPLOADS, and
# FILES (disk, or s3 when the files live in a bucket and are copied by the server's object-store CLI).
set -Eeuo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UPLOADS="${UPLOAD_DIR:-data/uploads}"
FILES=disk
[ -z "${S3_BUCKET:-}" ] || FILES=s3
OBJECT_STORE_CLI="$ROOT/server/dist/cli/object-store.js"
# the bucket's objects to or from a folder, through the server's own object store code
object_store() {
  [ -f "$OBJECT_STORE_CLI" ] || { echo "$(basename "$0"): $OBJECT_STORE_CLI is missing: build the server first (pnpm build:server)" >&2; exit 69; }
  node "$OBJECT_STORE_CLI" "$@" >&2
}
if [ -n "${DATABASE_URL:-}" ]; then
  DB_KIND=mysql
  # the URL as the server reads it, percent-escapes in the user and password included
  eval "$(node -e '
    const u = new URL(process.argv[1]);
    const q = (s) => "\x27" + s.replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
    console.log([
      "MYSQL_HOST=" + q(u.hostname),
      "MYSQL_PORT=" + q(u.port || "3306"),
      "MYSQL_USER=" + q(decodeURIComponent(u.username)),
      "export MYSQL_PWD=" + q(decodeURIComponent(u.password)),
      "MYSQL_DB=" + q(u.pathname.replace(/^\//, "")),
    ].join("\n"));
  ' "$DATABASE_URL")"
  MYSQL_ARGS=(-h "$MYSQL_HOST" -P "$MYSQL_PORT" -u "$MYSQL_USER" --default-character-set=utf8mb4)
  MYSQL_CLIENT="$(command -v mariadb || command -v mysql || true)"
  MYSQL_DUMP="$(command -v mariadb-dump || command -v mysqldump || true)"
else
  DB_KIND=sqlite
  SQLITE_FILE="${SQLITE_PATH:-data/xiangli.sqlite}"
fi

# an SQLite copy taken with SQLite's online backup: consistent while the server writes
sqlite_backup() {
  if command -v sqlite3 >/dev/null; then
    sqlite3 "$1" ".backup '$2'"
  else
    NODE_PATH="$ROOT/server/node_modules" node -e '
      const Database = require("better-sqlite3");
      const db = new Database(process.argv[1], { readonly: true, fileMustExist: true });
      db.backup(process.argv[2]).then(() => db.close(), (e) => { console.error(e.message); process.exit(1) });
    ' "$1" "$2"
  fi
}
