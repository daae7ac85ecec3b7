#!/usr/bin/env bash
# Backs up the database and the uploaded files of a 乡里 server into one new folder.
#   scripts/backup-db.sh <folder>        e.g. scripts/backup-db.sh /var/backups/xiangli
# Reads the server's settings from the environment, as the server does: DATABASE_URL (MySQL/MariaDB,
# dumped with mariadb-dump or mysqldump in one consistent transaction) or SQLITE_PATH (copied with
# SQLite's online backup), and UPLOAD_DIR, or with S3_BUCKET set every object of the bucket (read
# through the server's own object store code, server/dist/cli/object-store.js). Safe while the
# server runs. Prints the folder it wrote:
#   <folder>/xiangli-<UTC time>/ database.sql.gz | database.sqlite, uploads.tar.gz, MANIFEST
# uploads.tar.gz is the same for both: a backup of one restores into the other.
source "$(dirname "$0")/db-target.sh"
[ $# -eq 1 ] || { echo "usage: $0 <backup folder>" >&2; exit 64; }
OUT="$1/xiangli-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

if [ "$DB_KIND" = mysql ]; then
  [ -n "$MYSQL_DUMP" ] || { echo "backup-db: neither mariadb-dump nor mysqldump is installed (apt-get install mariadb-client)" >&2; exit 69; }
  # InnoDB: --single-transaction gives one consistent view without locking the server's writes
  "$MYSQL_DUMP" "${MYSQL_ARGS[@]}" --single-transaction --quick --routines --triggers --hex-blob \
    --no-tablespaces "$MYSQL_DB" | gzip -c >"$OUT/database.sql.gz"
  DB_FILE=database.sql.gz
else
  [ -f "$SQLITE_FILE" ] || { echo "backup-db: no database at $SQLITE_FILE (SQLITE_PATH)" >&2; exit 66; }
  sqlite_backup "$SQLITE_FILE" "$OUT/database.sqlite"
  DB_FILE=database.sqlite
fi

if [ "$FILES" = s3 ]; then
  objects="$(mktemp -d)"
  trap 'rm -rf "$objects"' EXIT
  object_store export "$objects"
  tar -C "$objects" -czf "$OUT/uploads.tar.gz" .
elif [ -d "$UPLOADS" ]; then
  tar -C "$UPLOADS" -czf "$OUT/uploads.tar.gz" .
else
  tar -czf "$OUT/uploads.tar.gz" --files-from /dev/null
fi

{
  echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database: $DB_KIND $DB_FILE"
  echo "files: $FILES"
  echo "uploads: uploads.tar.gz ($(tar -tzf "$OUT/uploads.tar.gz" | grep -vc '/$' || true) files)"
  (cd "$OUT" && sha256sum "$DB_FILE" uploads.tar.gz)
} >"$OUT/MANIFEST"
echo "$OUT"
