# Shared by the service scripts: the file of connection strings the tests read (artifacts/services.env by default,
# DV_SERVICES_ENV to override). Each script owns one key; writers hold one lock, so concurrent scripts never lose a line.
#
#   dv_env_file                       the path of the file
#   dv_env_write KEY VALUE            replace KEY's line (export KEY='VALUE'), keep every other line
#   dv_env_export KEY                 export KEY from the file into the calling shell

dv_env_file() {
    echo "${DV_SERVICES_ENV:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/artifacts/services.env}"
}

dv_env_write() {
    local key=$1 value=$2 file
    file=$(dv_env_file)
    mkdir -p "$(dirname "$file")"
    touch "$file"
    (
        flock 9
        local rest
        rest=$(grep -vE "^(export )?$key=" "$file" || true)
        { [[ -n $rest ]] && printf '%s\n' "$rest"; printf "export %s='%s'\n" "$key" "$value"; } >"$file.tmp"
        mv "$file.tmp" "$file"
    ) 9>>"$file.lock"
}

dv_env_export() {
    local key=$1 line
    line=$(grep "^export $key=" "$(dv_env_file)" | tail -n 1) || return 1
    eval "$line"
}
