#!/usr/bin/env bash
# The run golden of the trap fixture, from `jco run` (jco's WASI host on node) as for the other programs, but
# with a script of its own, because jco is the oracle for stdout only: writes cases/trap.stdout from trap.wasm,
# and fails unless trap-0.2.0.wasm prints the same and both trap where the guest traps (jco run's stderr holds
# "unreachable"). cases/trap.status (134) is written by hand, see cases/trap.jco-differs. The suite never runs this.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shim=$(realpath "$(dirname "$(realpath "$JCO")")/../../preview2-shim")
[ -f "$shim/dist/nodejs/cli.js" ] || { echo "no preview2-shim beside $JCO (looked in $shim)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for component in trap trap-0.2.0; do
    status=0
    WITBIND_PREVIEW2_SHIM=$shim "$JCO" run --jco-import "$here/../jco-run-setup.mjs" "$here/$component.wasm" \
        < /dev/null > "$work/$component.stdout" 2> "$work/$component.stderr" || status=$?
    if [ "$status" = 0 ] || ! grep -q unreachable "$work/$component.stderr"; then
        echo "trap/$component.wasm: expected a trap at unreachable, got status $status and:" >&2
        cat "$work/$component.stderr" >&2
        exit 1
    fi
done
if ! cmp -s "$work/trap.stdout" "$work/trap-0.2.0.stdout"; then
    echo "trap: trap-0.2.0.wasm prints another stdout:" >&2
    diff "$work/trap.stdout" "$work/trap-0.2.0.stdout" >&2 || true
    exit 1
fi
cp "$work/trap.stdout" "$here/cases/trap.stdout"
chmod 644 "$here/cases/trap.stdout"
echo "trap/trap: stdout written; both components trap (status $status under jco)"
