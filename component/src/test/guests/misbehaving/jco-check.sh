#!/usr/bin/env bash
# Runs every misbehaving component on jco's JavaScript host (jco transpile, with the hosts in jco-check/) and
# writes what happened to jco-check.txt: for the record only. jco's host is no oracle for these traps: it checks
# few of the Canonical ABI's rules (see README.md). Needs node and jco 1.35.0; the test suite never runs this.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
NODE=${NODE:-node}
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp jco-check/*.js jco-check/*.mjs "$work/"

for wasm in *.wasm; do
    name=${wasm%.wasm}
    case $name in
        kv-*) map="example:kv/store=../kv-host.js"; args=() ;;
        *) map="example:greeter/host=../greeter-host.js"; args=(World) ;;
    esac
    "$JCO" transpile "$wasm" -o "$work/$name" --map "$map" -q > /dev/null
    echo '{"type":"module"}' > "$work/$name/package.json"
    echo "$name:"
    "$NODE" "$work/call.mjs" "$work/$name/$name.js" ${args[@]+"${args[@]}"}
done > jco-check.txt
chmod 644 jco-check.txt
