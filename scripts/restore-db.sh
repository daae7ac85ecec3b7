#!/usr/bin/env bash
# Restores a folder written by backup-db.sh into the database and upload folder (or bucket) named by
# the environment (DATABASE_URL or SQLITE_PATH, UPLOAD_DIR or S3_BUCKET), with the server stopped.
#   scripts/restore-db.sh <backup folder> [--force]
# It refuses to write over a database that has tables, or an SQLite file that exists, unless --force.
# Checks the MANIFEST's checksums first. Afterwards start the server (it migrates a backup taken
# before an upgrade) and check the audit chain: pnpm --filter server audit:verify
source "$(dirname "$0")/db-target.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 <backup folder> [--force]" >&2; exit 64; }
IN="$1"
FORCE="${2:-}"
[ -f "$IN/MANIFEST" ] || { echo "restore-db: $IN has no MANIFEST: not a backup-db.sh folder" >&2; exit 66; }
(cd "$IN" && grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum -c --quiet -) || {
  echo "restore-db: the backup's checksums do not match its MANIFEST" >&2
  exit 65
}

if [ "$DB_KIND" = mysql ]; then
  [ -f "$IN/database.sql.gz" ] || { echo "restore-db: $IN holds no MySQL dump (database.sql.gz)" >&2; exit 66; }
  [ -n "$MYSQL_CLIENT" ] || { echo "restore-db: neither mariadb nor mysql is installed (apt-get install mariadb-client)" >&2; exit 69; }
  "$MYSQL_CLIENT" "${MYSQL_ARGS[@]}" -e "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  tables="$("$MYSQL_CLIENT" "${MYSQL_ARGS[@]}" -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$MYSQL_DB'")"
  if [ "$tables" != 0 ] && [ "$FORCE" != --force ]; then
    echo "restore-db: database $MYSQL_DB already has $tables tables; restore into an empty one, or add --force" >&2
    exit 73
  fi
  gunzip -c "$IN/database.sql.gz" | "$MYSQL_CLIENT" "${MYSQL_ARGS[@]}" "$MYSQL_DB"
else
  [ -f "$IN/database.sqlite" ] || { echo "restore-db: $IN holds no SQLite copy (database.sqlite)" >&2; exit 66; }
  if [ -e "$SQLITE_FILE" ] && [ "$FORCE" != --force ]; then
    echo "restore-db: $SQLITE_FILE exists; move it away, or add --force" >&2
    exit 73
  fi
  mkdir -p "$(dirname "$SQLITE_FILE")"
  rm -f "$SQLITE_FILE-wal" "$SQLITE_FILE-shm"
  cp "$IN/database.sqlite" "$SQLITE_FILE.restoring"
  mv "$SQLITE_FILE.restoring" "$SQLITE_FILE"
fi

if [ "$FILES" = s3 ]; then
  objects="$(mktemp -d)"
  trap 'rm -rf "$objects"' EXIT
  tar -C "$objects" -xzf "$IN/uploads.tar.gz"
  object_store import "$objects"
  echo "restored $IN into the $DB_KIND database and the bucket $S3_BUCKET"
else
  mkdir -p "$UPLOADS"
  tar -C "$UPLOADS" -xzf "$IN/uploads.tar.gz"
  echo "restored $IN into the $DB_KIND database and $UPLOADS"
fi
