#!/usr/bin/env bash
# The test command of DataVault.Core:
#
#   bash scripts/test.sh
#
# Works from any directory, on a fresh Debian 12 machine (as root, for apt-get) that has the .NET SDK named in
# global.json:
#   1. services  - installs and starts what the tests need: PostgreSQL and MariaDB on loopback (see start_services),
#   2. tests     - dotnet test DataVault.Core.sln, one TRX file per test project into artifacts/test-results,
#   3. summary   - the counts read back from the TRX files, ending with the line `N passed, N failed`.
#
# Exits non-zero if a service could not be started, if a test failed, if dotnet test failed, if a test project wrote no
# TRX file or if no test ran.
#
# Environment:
#   CONFIGURATION   build configuration (default Release)
#   RESULTS_DIR     where the TRX files go (default artifacts/test-results under the repository; emptied first)
#   DV_TEST_POSTGRES, DV_TEST_MARIADB   connection strings of servers to use instead of installing and starting them
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)

configuration=${CONFIGURATION:-Release}
results_dir=${RESULTS_DIR:-$repo_root/artifacts/test-results}

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------------------------------------------------------------
# 1. Services
# ---------------------------------------------------------------------------------------------------------------------
# The integration tests (tests/DataVault.IntegrationTests) run against real servers on loopback. Each
# scripts/services/<name>.sh installs its server when missing (apt-get; needs root), starts it without systemd
# (pg_ctlcluster / mysqld_safe, 127.0.0.1 only), creates the test login and, sourced, exports the connection string the
# tests read. They are idempotent: where everything is done already, each takes about a second.
# A connection string already set in the environment is respected: that server is used and its script is not run.
services=(
    "postgres DV_TEST_POSTGRES"
    "mariadb DV_TEST_MARIADB"
)
service_problems=()

start_services() {
    local entry name variable script
    for entry in "${services[@]}"; do
        read -r name variable <<<"$entry"
        script=$repo_root/scripts/services/$name.sh
        if [[ -n ${!variable:-} ]]; then
            echo "-- $name: $variable is set; using that server"
        elif [[ ! -f $script ]]; then
            service_problems+=("service $name: $script is missing")
        else
            echo "-- $name: $script"
            # shellcheck source=/dev/null
            source "$script" </dev/null || service_problems+=("service $name could not be installed or started (see its ERROR above)")
        fi
    done
}

# ---------------------------------------------------------------------------------------------------------------------
# 2. Tests
# ---------------------------------------------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the .NET SDK (dotnet) is not on PATH; install the SDK named in global.json." >&2
    exit 1
fi

echo "== services"
start_services

echo "== dotnet test DataVault.Core.sln -c $configuration (results in $results_dir)"
rm -rf "$results_dir"
mkdir -p "$results_dir"

test_exit=0
dotnet test "$repo_root/DataVault.Core.sln" -c "$configuration" \
    --logger trx --results-directory "$results_dir" </dev/null || test_exit=$?

# ---------------------------------------------------------------------------------------------------------------------
# 3. Summary, from the TRX files (not from the console output)
# ---------------------------------------------------------------------------------------------------------------------
echo "== summary"
summary_exit=0
counts=$(bash "$repo_root/scripts/trx-summary.sh" "$results_dir") || summary_exit=$?
read -r files total executed passed failed not_executed <<<"$counts" || true
if [[ ! ${files:-} =~ ^[0-9]+$ || ! ${not_executed:-} =~ ^-?[0-9]+$ ]]; then
    echo "test.sh: could not read the TRX files in $results_dir" >&2
    files=0 total=0 executed=0 passed=0 failed=0 not_executed=0
    summary_exit=1
fi

# One TRX file per test project: a project that did not run (or a file that another overwrote) must not go unnoticed.
test_projects=$(grep -rlE --include='*.csproj' '<IsTestProject>[[:space:]]*true' "$repo_root/tests" 2>/dev/null | wc -l)

problems=("${service_problems[@]}")
[[ $summary_exit -eq 0 ]] || problems+=("a TRX file could not be read")
[[ $files -eq 0 || $files -ge $test_projects ]] || problems+=("$test_projects test project(s) under tests/ but only $files TRX file(s)")
[[ $test_exit -eq 0 ]] || problems+=("dotnet test exited with code $test_exit")
[[ $files -gt 0 ]] || problems+=("no TRX file was written to $results_dir")
[[ $executed -gt 0 ]] || problems+=("no test ran")
[[ $failed -eq 0 ]] || problems+=("$failed test(s) failed")

echo "test projects: $test_projects, TRX files: $files, tests: $total, executed: $executed"
if [[ $not_executed -gt 0 ]]; then
    echo "$not_executed skipped (not executed)"
fi
for problem in "${problems[@]}"; do
    echo "test.sh: FAILED: $problem" >&2
done
echo "$passed passed, $failed failed"

[[ ${#problems[@]} -eq 0 ]]
