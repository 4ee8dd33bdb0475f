#!/usr/bin/env bash
# Calls the reactor's greet on jco's WASI host (jco transpile, then greet.mjs on node) for each case and writes
# what it gave beside the case: cases/<case>.case is the input (written by hand: `env NAME=value` lines, the
# guest's whole environment, and `arg <name>` lines, the names greet is called with, in order, on one
# instance); this writes <case>.results (greet's return values, one a line), <case>.stdout and <case>.stderr
# (what the guest printed) from reactor.wasm, and fails if reactor-0.2.0.wasm gives anything else. A case with
# a <case>.jco-differs (written by hand: why jco is not the oracle there) has hand-written goldens and is not run.
# The test suite never runs this.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
NODE=${NODE:-node}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shim=$(realpath "$(dirname "$(realpath "$JCO")")/../../preview2-shim")
[ -f "$shim/dist/nodejs/cli.js" ] || { echo "no preview2-shim beside $JCO (looked in $shim)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for component in reactor reactor-0.2.0; do
    "$JCO" transpile "$here/$component.wasm" -o "$work/$component" --name reactor -q
    echo '{"type":"module"}' > "$work/$component/package.json"
    mkdir -p "$work/$component/node_modules/@bytecodealliance"
    ln -s "$shim" "$work/$component/node_modules/@bytecodealliance/preview2-shim"
done

# run <case file> <component> <output prefix>
run() {
    local -a names=() envs=()
    local line
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            ''|\#*) ;;
            'arg '*) names+=("${line#arg }") ;;
            arg) names+=("") ;;
            'env '*) envs+=("${line#env }") ;;
            *) echo "$1: unknown directive: $line" >&2; exit 1 ;;
        esac
    done < "$1"
    local env_json
    env_json=$("$NODE" -e 'console.log(JSON.stringify(Object.fromEntries(process.argv.slice(1).map(
        s => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]))))' -- ${envs[@]+"${envs[@]}"})
    WITBIND_PREVIEW2_SHIM=$shim WITBIND_GUEST_ENV=$env_json \
        "$NODE" "$here/greet.mjs" "$work/$2/reactor.js" "$3.results" ${names[@]+"${names[@]}"} \
        < /dev/null > "$3.stdout" 2> "$3.stderr"
}

for case_file in "$here"/cases/*.case; do
    name=${case_file%.case}
    if [ -f "$name.jco-differs" ]; then
        echo "reactor/$(basename "$name"): goldens written by hand (see $(basename "$name").jco-differs), not run"
        continue
    fi
    run "$case_file" reactor "$name"
    run "$case_file" reactor-0.2.0 "$work/old"
    for stream in results stdout stderr; do
        if ! cmp -s "$name.$stream" "$work/old.$stream"; then
            echo "reactor/$(basename "$name"): reactor-0.2.0.wasm gives another $stream:" >&2
            diff "$name.$stream" "$work/old.$stream" >&2 || true
            exit 1
        fi
    done
    chmod 644 "$name.results" "$name.stdout" "$name.stderr"
    echo "reactor/$(basename "$name"): ok"
done
