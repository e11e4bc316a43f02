#!/usr/bin/env bash
# Sums the <Counters .../> element of every *.trx file under a folder.
#
#   bash scripts/trx-summary.sh artifacts/test-results
#
# prints one line of six numbers, separated by spaces:
#
#   FILES TOTAL EXECUTED PASSED FAILED NOT_EXECUTED
#
# FAILED counts failed, error, timeout and aborted results; NOT_EXECUTED is total - executed (skipped tests and any
# test a crashed run never reached). Exits 2 if a .trx file has no Counters element (a truncated or corrupt file).
# Used by scripts/test.sh and .ci/run, so that both report the same numbers from the same files.
set -euo pipefail

dir=${1:?usage: trx-summary.sh RESULTS_DIR}

files=0 total=0 executed=0 passed=0 failed=0 broken=0

# The value of attribute $1 in the element $2, or 0 when it is absent.
attr() {
    local match
    match=$(grep -o " $1=\"[0-9]*\"" <<<"$2" | head -n 1 | tr -dc '0-9' || true)
    echo "${match:-0}"
}

if [[ -d $dir ]]; then
    while IFS= read -r -d '' trx; do
        files=$((files + 1))
        counters=$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)
        if [[ -z $counters ]]; then
            echo "trx-summary: no <Counters> element in $trx" >&2
            broken=$((broken + 1))
            continue
        fi
        total=$((total + $(attr total "$counters")))
        executed=$((executed + $(attr executed "$counters")))
        passed=$((passed + $(attr passed "$counters")))
        failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
    done < <(find "$dir" -type f -name '*.trx' -print0)
fi

echo "$files $total $executed $passed $failed $((total - executed))"
[[ $broken -eq 0 ]] || exit 2
