#!/usr/bin/env bash
# PostgreSQL for the integration tests: installs it when missing, starts a cluster on loopback, creates the test role
# and publishes its connection string.
#
#   bash scripts/services/postgres.sh          # executed: writes the connection string to the services env file
#   source scripts/services/postgres.sh        # sourced: the same, and exports DV_TEST_POSTGRES into this shell
#
# On a fresh Debian 12 machine, as root, without systemd:
#   1. install  - `apt-get install postgresql` (PostgreSQL 15) when the server binaries are missing
#                 (`apt-get update` first only when the package lists do not know the package);
#   2. cluster  - creates cluster <version>/main (UTF8, C.UTF-8) if there is none, listening on 127.0.0.1 only, on
#                 port 5432 or, when another program holds that port, the next free one;
#   3. start    - `pg_ctlcluster <version> main start`, then waits until `pg_isready` answers (60 s at most);
#   4. role     - creates (or updates) the role `dv` with LOGIN, CREATEDB and a password, and checks that it can log in;
#                 it is granted pg_signal_backend, so that the tests' DROP DATABASE … WITH (FORCE) may end an autovacuum
#                 worker that is busy in a test database
#                 over TCP;
#   5. publish  - writes `export DV_TEST_POSTGRES='Host=127.0.0.1;Port=...;Username=dv;Password=...;Database=postgres'`
#                 to the services env file (default artifacts/services.env), replacing only its own line.
#
# Idempotent: on a machine where all of this is done it only checks, and takes about a second.
# Exits (or, when sourced, returns) non-zero with a message on stderr when a step fails.
#
# Environment (all optional):
#   DV_POSTGRES_VERSION   major version (default: 15 if installed, else the newest installed, else what apt installs)
#   DV_POSTGRES_CLUSTER   cluster name (default main)
#   DV_POSTGRES_PORT      preferred port (default 5432)
#   DV_POSTGRES_PASSWORD  password of the role dv (default: the one in the services env file, else dv_local_test);
#                         letters, digits, '.', '_' and '-' only (it goes into a connection string)
#   DV_POSTGRES_TIMEOUT   seconds to wait for the server (default 60)
#   DV_SERVICES_ENV       the services env file (default <repository>/artifacts/services.env)

# shellcheck source=scripts/services/env-file.sh
source "$(dirname "${BASH_SOURCE[0]}")/env-file.sh"

_dv_pg_main() (
    set -euo pipefail

    local started=$SECONDS
    local repo_root
    repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    local env_file
    env_file=$(dv_env_file)
    local cluster=${DV_POSTGRES_CLUSTER:-main}
    local preferred_port=${DV_POSTGRES_PORT:-5432}
    local timeout=${DV_POSTGRES_TIMEOUT:-60}
    local role=dv

    say() { echo "postgres: $*"; }
    fail() {
        echo "postgres: ERROR: $*" >&2
        exit 1
    }

    [[ $(id -u) -eq 0 ]] || fail "run this script as root (it installs and starts PostgreSQL); or start PostgreSQL yourself and set DV_TEST_POSTGRES."
    export DEBIAN_FRONTEND=noninteractive

    # -----------------------------------------------------------------------------------------------------------------
    # 1. install
    # -----------------------------------------------------------------------------------------------------------------
    # Versions whose server is installed (client packages and libpq-dev create /usr/lib/postgresql/<v> too).
    installed_versions() {
        local dir
        for dir in /usr/lib/postgresql/*/; do
            [[ -x ${dir}bin/postgres ]] && basename "$dir"
        done | grep -E '^[0-9]+$' | sort -n || true
    }
    pick_version() {
        local versions
        versions=$(installed_versions)
        if [[ -n ${DV_POSTGRES_VERSION:-} ]]; then
            echo "$DV_POSTGRES_VERSION"
        elif grep -qx 15 <<<"$versions"; then
            echo 15
        else
            tail -n 1 <<<"$versions"
        fi
    }

    local version
    version=$(pick_version)
    if [[ -z $version || ! -x /usr/lib/postgresql/$version/bin/postgres ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
        local package=postgresql
        [[ -n ${DV_POSTGRES_VERSION:-} ]] && package=postgresql-$DV_POSTGRES_VERSION
        local log
        log=$(mktemp)
        # apt-get update only when the lists do not know the package (a fresh machine has no lists at all).
        # (Captured first: `apt-cache policy | grep -q` fails on SIGPIPE under pipefail.)
        local policy
        policy=$(apt-cache policy "$package" 2>/dev/null || true)
        if ! grep -qE 'Candidate: [0-9]' <<<"$policy"; then
            say "apt-get update"
            apt-get -o DPkg::Lock::Timeout=300 update -q >"$log" 2>&1 || { cat "$log" >&2; fail "apt-get update failed"; }
        fi
        say "apt-get install $package (the server is not installed)"
        # Another installer (e.g. the MariaDB service script) may hold the dpkg lock: wait for it.
        apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$package" </dev/null >"$log" 2>&1 \
            || { tail -n 30 "$log" >&2; fail "apt-get install $package failed"; }
        rm -f "$log"
        version=$(pick_version)
        [[ -n $version && -x /usr/lib/postgresql/$version/bin/postgres ]] || fail "PostgreSQL ${version:-?} is still not installed after apt-get install $package"
    fi
    say "PostgreSQL $version installed ($(/usr/lib/postgresql/"$version"/bin/postgres --version))"

    # -----------------------------------------------------------------------------------------------------------------
    # 2. cluster on loopback
    # -----------------------------------------------------------------------------------------------------------------
    # `pg_lsclusters -h`: version cluster port status owner datadir logfile
    cluster_field() { pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c="$cluster" -v f="$1" '$1 == v && $2 == c { print $f }'; }
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

    if [[ -z $(cluster_field 1) ]]; then
        local new_port
        new_port=$(free_port_from "$preferred_port") || fail "ports $preferred_port to $((preferred_port + 19)) are all in use"
        say "pg_createcluster $version $cluster (UTF8, C.UTF-8, port $new_port)"
        pg_createcluster --encoding UTF8 --locale C.UTF-8 --port "$new_port" "$version" "$cluster" >/dev/null \
            || fail "pg_createcluster $version $cluster failed"
    fi

    local status port
    status=$(cluster_field 4)
    port=$(cluster_field 3)
    local changed=false
    if [[ $status != online ]]; then
        # A stopped cluster: its port must be free (another PostgreSQL, or anything else, may hold it).
        if port_in_use "$port"; then
            local other
            other=$(free_port_from "$preferred_port") || fail "ports $preferred_port to $((preferred_port + 19)) are all in use"
            say "port $port is taken by another program; cluster $version/$cluster moves to port $other"
            pg_conftool -s "$version" "$cluster" set port "$other"
            port=$other
        fi
    fi

    # Loopback only, in a drop-in file of the cluster's conf.d (Debian's postgresql.conf includes it last). Not with
    # pg_conftool: it writes 127.0.0.1 unquoted (it looks like a number), which the server rejects.
    local conf_dir=/etc/postgresql/$version/$cluster/conf.d
    local drop_in=$conf_dir/datavault-tests.conf
    local wanted="listen_addresses = '127.0.0.1'"
    if [[ ! -f $drop_in || $(cat "$drop_in") != "$wanted" ]]; then
        grep -qE "^[[:space:]]*include_dir[[:space:]]*=?[[:space:]]*'conf.d'" "/etc/postgresql/$version/$cluster/postgresql.conf" \
            || fail "/etc/postgresql/$version/$cluster/postgresql.conf does not include conf.d; set listen_addresses = '127.0.0.1' there"
        say "$wanted (in $drop_in)"
        mkdir -p "$conf_dir"
        printf '%s\n' "$wanted" >"$drop_in"
        chown --reference="/etc/postgresql/$version/$cluster/postgresql.conf" "$drop_in"
        changed=true
    fi

    # -----------------------------------------------------------------------------------------------------------------
    # 3. start and wait
    # -----------------------------------------------------------------------------------------------------------------
    local log_file
    log_file=$(cluster_field 7)
    if [[ $status == online ]]; then
        if [[ $changed == true ]]; then
            say "pg_ctlcluster $version $cluster restart (configuration changed)"
            pg_ctlcluster "$version" "$cluster" restart || { tail -n 20 "$log_file" >&2 || true; fail "pg_ctlcluster $version $cluster restart failed"; }
        else
            say "cluster $version/$cluster already running on port $port"
        fi
    else
        say "pg_ctlcluster $version $cluster start (port $port)"
        pg_ctlcluster "$version" "$cluster" start || { tail -n 20 "$log_file" >&2 || true; fail "pg_ctlcluster $version $cluster start failed"; }
    fi

    local waited=0
    until pg_isready -q -h 127.0.0.1 -p "$port" -t 2; do
        if ((waited >= timeout)); then
            tail -n 20 "$log_file" >&2 || true
            fail "PostgreSQL $version/$cluster does not accept connections on 127.0.0.1:$port after ${timeout} s"
        fi
        sleep 1
        waited=$((waited + 1))
    done

    # -----------------------------------------------------------------------------------------------------------------
    # 4. role dv
    # -----------------------------------------------------------------------------------------------------------------
    local password=${DV_POSTGRES_PASSWORD:-}
    if [[ -z $password && -f $env_file ]]; then
        password=$(sed -nE "s/^export DV_TEST_POSTGRES='.*;Password=([^;']*);.*'$/\1/p" "$env_file" | tail -n 1)
    fi
    if [[ -z $password ]]; then
        password=dv_local_test # loopback-only test server: a fixed password keeps several checkouts working together
    fi
    [[ $password =~ ^[A-Za-z0-9._-]+$ ]] || fail "DV_POSTGRES_PASSWORD may only contain letters, digits, '.', '_' and '-'"

    # Over the Unix socket as the superuser (peer authentication); the password goes in through stdin as a psql
    # variable and is quoted by psql (:'pw').
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null <<SQL || fail "could not create the role $role"
\\set pw '$password'
SELECT 'CREATE ROLE $role' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \\gexec
ALTER ROLE $role WITH LOGIN CREATEDB PASSWORD :'pw';
GRANT pg_signal_backend TO $role;
SQL

    local server_version
    server_version=$(PGPASSWORD=$password PGCONNECT_TIMEOUT=5 psql -X -At -h 127.0.0.1 -p "$port" -U "$role" -d postgres \
        -c "SELECT current_setting('server_version') || ' (encoding ' || pg_encoding_to_char(encoding) || ')' FROM pg_database WHERE datname = 'postgres'" 2>&1) \
        || fail "the role $role cannot log in over TCP on 127.0.0.1:$port: $server_version"
    say "role $role logs in on 127.0.0.1:$port; server $server_version"

    # -----------------------------------------------------------------------------------------------------------------
    # 5. publish
    # -----------------------------------------------------------------------------------------------------------------
    local connection="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
    dv_env_write DV_TEST_POSTGRES "$connection"
    say "DV_TEST_POSTGRES=${connection/Password=$password/Password=***} (written to $env_file)"
    say "ready in $((SECONDS - started)) s"
)

_dv_pg_exit=0
_dv_pg_main || _dv_pg_exit=$?
unset -f _dv_pg_main
if (return 0 2>/dev/null); then
    # Sourced: export the connection string into the calling shell.
    if [[ $_dv_pg_exit -eq 0 ]]; then
        dv_env_export DV_TEST_POSTGRES
    fi
    return $_dv_pg_exit
else
    exit $_dv_pg_exit
fi
