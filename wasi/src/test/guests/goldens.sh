#!/usr/bin/env bash
# Runs every case of every WASI command fixture here with `jco run` (jco 1.35.0's WASI host on node, the oracle)
# and writes what it gave beside the case: <program>/cases/<case>.case is the input (written by hand), and this
# writes <case>.stdout, <case>.stderr and <case>.status (the exit status and a newline) from <program>.wasm.
# It runs <program>-0.2.0.wasm too (where there is one) and fails if that gives anything else: both components of a program must
# behave the same. A program with its own goldens.sh (the reactor, which jco run cannot run) is left to it.
# Where jco is not the oracle, <case>.jco-differs (written by hand) says why, the three goldens
# are written by hand too, and this writes what jco gives as <case>.jco.* (from <program>.wasm) and
# <case>.jco-0.2.0.* (from <program>-0.2.0.wasm) beside them. Usage: goldens.sh [program...] (default: all).
# The test suite never runs this.
#
# A case file has one directive a line ('#' starts a comment line):
#   arg <text>                 one argument, the rest of the line as it is (`arg` alone: an empty argument)
#   env <NAME>=<value>         one environment variable; the guest gets only these (none if there is no env line)
#   dir <path>                 a directory to create in the case's scratch folder (a fresh temporary folder)
#   file <path> = <text>       a file to create there, holding <text> and a newline
#   symlink <path> = <target>  a symbolic link to create there; @SCRATCH@ in <target> is the scratch folder's
#                              absolute path
#   preopen <guest> = <path>   preopen the scratch folder's <path> (`.` for the folder itself) as <guest>; the
#                              guest gets only these (none if there is no preopen line)
# (<path> and <guest> may hold spaces; they end at the first " = ".)
#   stdin-text <text>          stdin holds <text> and a newline
#   stdin-bytes <n>            stdin holds n bytes, byte i being i mod 251
#   (no stdin line)            stdin is empty (/dev/null)
# The directives are applied in order, so a case creates the scratch tree the same way a Java test can.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
NODE=${NODE:-node}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shim=$(realpath "$(dirname "$(realpath "$JCO")")/../../preview2-shim")
[ -f "$shim/dist/nodejs/cli.js" ] || { echo "no preview2-shim beside $JCO (looked in $shim)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# split "<a> = <b>": sets path to <a> and text to <b>.
split() {
    case $1 in
        *" = "*) path=${1%% = *}; text=${1#* = } ;;
        *) echo "$case_file: expected <a> = <b> in: $1" >&2; exit 1 ;;
    esac
}

# run_case <case file> <component> <output prefix>
run_case() {
    local case_file=$1 wasm=$2 out=$3
    local scratch=$work/scratch
    rm -rf "$scratch" && mkdir -p "$scratch"
    local -a args=() envs=() preopens=()
    local stdin=/dev/null kind rest path text
    while IFS= read -r line || [ -n "$line" ]; do
        [ -z "$line" ] && continue
        case $line in \#*) continue ;; esac
        kind=${line%% *}
        if [ "$kind" = "$line" ]; then rest=""; else rest=${line#* }; fi
        case $kind in
            arg) args+=("$rest") ;;
            env) envs+=("$rest") ;;
            dir) mkdir -p "$scratch/$rest" ;;
            file)
                split "$rest"
                mkdir -p "$(dirname "$scratch/$path")"
                printf '%s\n' "$text" > "$scratch/$path" ;;
            symlink)
                split "$rest"
                mkdir -p "$(dirname "$scratch/$path")"
                ln -s "${text//@SCRATCH@/$scratch}" "$scratch/$path" ;;
            preopen)
                split "$rest"
                preopens+=("$path=$(realpath "$scratch/$text")") ;;
            stdin-text) printf '%s\n' "$rest" > "$work/stdin"; stdin=$work/stdin ;;
            stdin-bytes)
                "$NODE" -e 'const n = +process.argv[1]; const b = Buffer.alloc(n);
                    for (let i = 0; i < n; i++) b[i] = i % 251; process.stdout.write(b);' "$rest" > "$work/stdin"
                stdin=$work/stdin ;;
            *) echo "$case_file: unknown directive $kind" >&2; exit 1 ;;
        esac
    done < "$case_file"
    local to_json='console.log(JSON.stringify(Object.fromEntries(process.argv.slice(1).map(
        s => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]))))'
    local status=0
    WITBIND_PREVIEW2_SHIM=$shim \
    WITBIND_GUEST_ENV=$("$NODE" -e "$to_json" -- ${envs[@]+"${envs[@]}"}) \
    WITBIND_GUEST_PREOPENS=$("$NODE" -e "$to_json" -- ${preopens[@]+"${preopens[@]}"}) \
        "$JCO" run --jco-import "$here/jco-run-setup.mjs" "$wasm" ${args[@]+"${args[@]}"} \
        < "$stdin" > "$out.stdout" 2> "$out.stderr" || status=$?
    echo "$status" > "$out.status"
}

programs=("$@")
if [ ${#programs[@]} -eq 0 ]; then
    for dir in "$here"/*/cases; do programs+=("$(basename "$(dirname "$dir")")"); done
fi
for program in "${programs[@]}"; do
    if [ -x "$here/$program/goldens.sh" ]; then
        "$here/$program/goldens.sh"  # not a command (the reactor): it has its own way to run
        continue
    fi
    for case_file in "$here/$program"/cases/*.case; do
        name=${case_file%.case}
        label=$program/$(basename "$name")
        if [ -f "$name.jco-differs" ]; then
            # jco is not the oracle here: the goldens are written by hand; keep what jco gives beside them.
            run_case "$case_file" "$here/$program/$program.wasm" "$name.jco"
            variants=(jco)
            if [ -f "$here/$program/$program-0.2.0.wasm" ]; then
                run_case "$case_file" "$here/$program/$program-0.2.0.wasm" "$name.jco-0.2.0"
                variants+=(jco-0.2.0)
            fi
            for out in "$name" "$name.jco" "$name.jco-0.2.0"; do chmod 644 "$out".std* "$out.status" 2>/dev/null || true; done
            for variant in "${variants[@]}"; do
                same=yes
                for stream in stdout stderr status; do
                    cmp -s "$name.$stream" "$name.$variant.$stream" || same=no
                done
                echo "$label: goldens written by hand (see $(basename "$name").jco-differs); $variant.* equal them: $same"
            done
            continue
        fi
        run_case "$case_file" "$here/$program/$program.wasm" "$name"
        if [ ! -f "$here/$program/$program-0.2.0.wasm" ]; then
            chmod 644 "$name.stdout" "$name.stderr" "$name.status"
            echo "$label: status $(cat "$name.status") (no $program-0.2.0.wasm)"
            continue
        fi
        run_case "$case_file" "$here/$program/$program-0.2.0.wasm" "$work/old"
        for stream in stdout stderr status; do
            if ! cmp -s "$name.$stream" "$work/old.$stream"; then
                echo "$label: $program-0.2.0.wasm gives another $stream:" >&2
                diff "$name.$stream" "$work/old.$stream" >&2 || true
                exit 1
            fi
        done
        chmod 644 "$name.stdout" "$name.stderr" "$name.status"
        echo "$label: status $(cat "$name.status")"
    done
done
