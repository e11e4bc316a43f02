#!/usr/bin/env bash
# MariaDB for the integration tests: installs it when missing, starts it on loopback without systemd, creates the test
# user and publishes its connection string.
#
#   bash scripts/services/mariadb.sh          # executed: writes the connection string to the services env file
#   source scripts/services/mariadb.sh        # sourced: the same, and exports DV_TEST_MARIADB into this shell
#
# On a fresh Debian 12 machine, as root, without systemd:
#   1. install  - `apt-get install mariadb-server` (MariaDB 10.11) when the server binaries are missing
#                 (`apt-get update` first only when the package lists do not know the package);
#   2. start    - initialises the data directory when it is empty (mariadb-install-db), makes /run/mysqld (owned by
#                 mysql) and starts `mysqld_safe` detached, listening on 127.0.0.1 only, on port 3306 or, when another
#                 program holds that port, the next free one; then waits until `mariadb-admin ping` answers (60 s at
#                 most). A server that already answers is left running as it is;
#   3. user     - creates (or updates) `dv`@`127.0.0.1` and `dv`@`localhost` with a password and ALL PRIVILEGES on the
#                 databases named `dv\_it\_%` only (the tests' throw-away databases), and checks that it can log in
#                 over TCP;
#   4. publish  - writes `export DV_TEST_MARIADB='Server=127.0.0.1;Port=...;User ID=dv;Password=...;'` to the services
#                 env file (default artifacts/services.env), replacing only its own line.
#
# Idempotent: on a machine where all of this is done it only checks, and takes well under a second.
# Exits (or, when sourced, returns) non-zero with a message on stderr when a step fails.
#
# Environment (all optional):
#   DV_MARIADB_PORT       preferred port (default 3306)
#   DV_MARIADB_PASSWORD   password of the user dv (default: the one in the services env file, else dv_local_test);
#                         letters, digits, '.', '_' and '-' only (it goes into a connection string)
#   DV_MARIADB_TIMEOUT    seconds to wait for the server (default 60)
#   DV_SERVICES_ENV       the services env file (default <repository>/artifacts/services.env)

# shellcheck source=scripts/services/env-file.sh
source "$(dirname "${BASH_SOURCE[0]}")/env-file.sh"

_dv_mariadb_main() (
    set -euo pipefail

    local started=$SECONDS
    local repo_root
    repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    local env_file
    env_file=$(dv_env_file)
    local preferred_port=${DV_MARIADB_PORT:-3306}
    local timeout=${DV_MARIADB_TIMEOUT:-60}
    local datadir=/var/lib/mysql
    local socket=/run/mysqld/mysqld.sock
    local log_file=/var/log/mysql/dv-error.log
    local user=dv

    say() { echo "mariadb: $* ($((SECONDS - started)) s)"; }
    fail() {
        echo "mariadb: ERROR: $*" >&2
        exit 1
    }

    [[ $(id -u) -eq 0 ]] || fail "run this script as root (it installs and starts MariaDB); or start MariaDB yourself and set DV_TEST_MARIADB."
    export DEBIAN_FRONTEND=noninteractive

    # -----------------------------------------------------------------------------------------------------------------
    # 1. install
    # -----------------------------------------------------------------------------------------------------------------
    if ! command -v mariadbd >/dev/null 2>&1 || ! command -v mysqld_safe >/dev/null 2>&1 || ! command -v mariadb-admin >/dev/null 2>&1; then
        local log
        log=$(mktemp)
        # apt-get update only when the lists do not know the package (a fresh machine has no lists at all).
        if ! apt-cache policy mariadb-server 2>/dev/null | grep -qE 'Candidate: [0-9]'; then
            say "apt-get update"
            apt-get -o DPkg::Lock::Timeout=300 update -q >"$log" 2>&1 || { cat "$log" >&2; fail "apt-get update failed"; }
        fi
        say "apt-get install mariadb-server (the server is not installed)"
        # Another installer (e.g. the PostgreSQL service script) may hold the dpkg lock: wait for it. Without systemd the
        # package's own start is refused (policy-rc.d) or fails; this script starts the server below.
        apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends mariadb-server mariadb-client </dev/null >"$log" 2>&1 \
            || { tail -n 30 "$log" >&2; fail "apt-get install mariadb-server failed"; }
        rm -f "$log"
        command -v mariadbd >/dev/null 2>&1 || fail "mariadbd is still not installed after apt-get install mariadb-server"
    fi
    say "installed: $(mariadbd --version | sed 's/^.*Ver //')"

    # -----------------------------------------------------------------------------------------------------------------
    # 2. start (no systemd: mysqld_safe, detached) and wait
    # -----------------------------------------------------------------------------------------------------------------
    ping_server() { mariadb-admin --socket="$socket" --connect-timeout=2 ping >/dev/null 2>&1; }
    port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }
    free_port_from() {
        local p
        for ((p = $1; p < $1 + 20; p++)); do
            if ! port_in_use "$p"; then
                echo "$p"
                return 0
            fi
        done
        return 1
    }

    if ping_server; then
        say "already running"
    else
        local port
        port=$(free_port_from "$preferred_port") || fail "ports $preferred_port to $((preferred_port + 19)) are all in use"
        [[ $port == "$preferred_port" ]] || say "port $preferred_port is taken by another program; MariaDB listens on $port"
        install -d -o mysql -g mysql -m 0755 /run/mysqld
        install -d -o mysql -g adm -m 2750 /var/log/mysql
        if [[ ! -d $datadir/mysql ]]; then
            say "mariadb-install-db (the data directory $datadir is empty)"
            install -d -o mysql -g mysql -m 0755 "$datadir"
            local install_log
            install_log=$(mktemp)
            mariadb-install-db --user=mysql --datadir="$datadir" --auth-root-authentication-method=socket --skip-test-db >"$install_log" 2>&1 \
                || { tail -n 30 "$install_log" >&2; fail "mariadb-install-db --datadir=$datadir failed"; }
            rm -f "$install_log"
        fi
        say "mysqld_safe --bind-address=127.0.0.1 --port=$port"
        # setsid and closed standard streams: the server outlives this script and holds no pipe of its caller.
        setsid mysqld_safe --user=mysql --datadir="$datadir" --socket="$socket" --bind-address=127.0.0.1 --port="$port" \
            --log-error="$log_file" </dev/null >/dev/null 2>&1 &
        local deadline=$((SECONDS + timeout))
        until ping_server; do
            if ((SECONDS >= deadline)); then
                tail -n 30 "$log_file" >&2 2>/dev/null || true
                fail "MariaDB does not answer \`mariadb-admin ping\` after ${timeout} s (log: $log_file)"
            fi
            sleep 0.5
        done
    fi

    # The port and address of the running server (it may have been started before, by hand or by an earlier run).
    local port bind
    read -r port bind < <(mariadb --socket="$socket" -N -B -e 'SELECT @@port, @@bind_address') || fail "cannot query the running server"
    [[ $bind == 127.0.0.1 || $bind == localhost ]] || say "warning: the running server listens on '$bind', not on loopback only"
    say "running: $(mariadb --socket="$socket" -N -B -e 'SELECT VERSION()') on port $port"

    # -----------------------------------------------------------------------------------------------------------------
    # 3. user dv
    # -----------------------------------------------------------------------------------------------------------------
    local password=${DV_MARIADB_PASSWORD:-}
    if [[ -z $password && -f $env_file ]]; then
        password=$(sed -nE "s/^export DV_TEST_MARIADB='.*;Password=([^;']*);.*'$/\1/p" "$env_file" | tail -n 1)
    fi
    if [[ -z $password ]]; then
        password=dv_local_test # loopback-only test server: a fixed password keeps several checkouts working together
    fi
    [[ $password =~ ^[A-Za-z0-9._-]+$ ]] || fail "DV_MARIADB_PASSWORD may only contain letters, digits, '.', '_' and '-'"

    # Over the Unix socket as root (unix_socket authentication, Debian's default).
    mariadb --socket="$socket" >/dev/null <<SQL || fail "could not create the user $user"
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`dv\\_it\\_%\`.* TO '$user'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`dv\\_it\\_%\`.* TO '$user'@'localhost';
SQL

    local login
    login=$(MYSQL_PWD=$password mariadb --protocol=tcp --host=127.0.0.1 --port="$port" --user="$user" --connect-timeout=5 -N -B \
        -e "SELECT CONCAT(CURRENT_USER(), ', ', @@character_set_server, '/', @@collation_server)" 2>&1) \
        || fail "the user $user cannot log in over TCP on 127.0.0.1:$port: $login"
    say "user $login logs in on 127.0.0.1:$port"

    # -----------------------------------------------------------------------------------------------------------------
    # 4. publish
    # -----------------------------------------------------------------------------------------------------------------
    local connection="Server=127.0.0.1;Port=$port;User ID=$user;Password=$password;"
    dv_env_write DV_TEST_MARIADB "$connection"
    say "DV_TEST_MARIADB=${connection/Password=$password/Password=***} (written to $env_file)"
    say "ready"
)

_dv_mariadb_exit=0
_dv_mariadb_main || _dv_mariadb_exit=$?
unset -f _dv_mariadb_main
if (return 0 2>/dev/null); then
    # Sourced: export the connection string into the calling shell.
    if [[ $_dv_mariadb_exit -eq 0 ]]; then
        dv_env_export DV_TEST_MARIADB
    fi
    return $_dv_mariadb_exit
else
    exit $_dv_mariadb_exit
fi
