#!/usr/bin/env bash
# Starts a throwaway MariaDB on 127.0.0.1 and runs the API's database tests and the fault tests
# (concurrent sweeps, kill -9, SIGTERM, as separate processes) against it.
# Needs Debian's mariadb-server and mariadb-client (apt-get install -y mariadb-server mariadb-client).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v mariadbd >/dev/null 2>&1; then
  echo "mariadbd not found: install it with 'apt-get install -y mariadb-server mariadb-client'" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/solleciti-mariadb.XXXXXX)
port=${MARIADB_TEST_PORT:-33306}
socket="$dir/mysqld.sock"

mariadb-install-db --no-defaults --datadir="$dir/data" --user=root \
  --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
mariadbd --no-defaults --datadir="$dir/data" --user=root --bind-address=127.0.0.1 --port="$port" \
  --socket="$socket" --pid-file="$dir/mysqld.pid" --skip-name-resolve \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >"$dir/mariadb.log" 2>&1 &
pid=$!

cleanup() {
  mariadb-admin --socket="$socket" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

for _ in $(seq 1 60); do
  mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1 && break
  sleep 0.5
done
mariadb-admin --socket="$socket" -uroot ping >/dev/null || { cat "$dir/mariadb.log" >&2; exit 1; }
echo "MariaDB $(mariadb --socket="$socket" -uroot -N -e 'SELECT VERSION()') is running on 127.0.0.1:$port"

# Each test file creates and drops its own database, so the user may create databases.
mariadb --socket="$socket" -uroot -e \
  "CREATE USER 'solleciti'@'127.0.0.1' IDENTIFIED BY 'solleciti'; GRANT ALL ON *.* TO 'solleciti'@'127.0.0.1';"

export TEST_DATABASE_URL="mysql://solleciti:solleciti@127.0.0.1:$port/"
npx jest -c apps/api/jest.config.ts apps/api/test --runInBand

# The fault tests run the built CLI and server as separate processes writing to the same database.
if [ ! -f dist/apps/api/cli.js ]; then
  NX_DAEMON=false npx nx run api:build
fi
npx jest -c apps/api/jest.e2e.config.ts apps/api/e2e/concurrent-sweeps.e2e-spec.ts apps/api/e2e/delivery-faults.e2e-spec.ts --runInBand
