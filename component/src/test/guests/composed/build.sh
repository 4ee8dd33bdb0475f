#!/usr/bin/env bash
# Rebuilds composed.wasm, a composition of two components: ../counters/counters.wasm (which defines the resource
# counter and exports example:counters/counters@0.1.0) and tallies (from tallies.c and wit/, which imports that
# interface), wired by composed.wat around the text `jco print` gives of each; and composed.golden.wit (what
# `jco wit` prints for it). Build ../counters first. Needs clang-19, lld-19 and jco 1.35.0 (see ../README.md); the
# test suite never runs this. The output is byte for byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source ../c-component.sh

# tallies is built only to be composed: it stays in the work folder
C_COMPONENT_OUT=$c_component_work c_component tallies tallies.c wit tallies
# composed.wat has the lines @COUNTERS@ and @TALLIES@ where the components go: jco print's text of each, without its
# first line "(component" and its last line ")" (and its empty lines), so that they nest as (component $counters ...).
body() {
    "$JCO" print "$1" | sed '/^$/d' | sed '1d;$d'
}
body ../counters/counters.wasm > "$c_component_work/counters.body"
body "$c_component_work/tallies.wasm" > "$c_component_work/tallies.body"
awk -v counters="$c_component_work/counters.body" -v tallies="$c_component_work/tallies.body" '
    /^@COUNTERS@$/ { while ((getline line < counters) > 0) print line; next }
    /^@TALLIES@$/ { while ((getline line < tallies) > 0) print line; next }
    { print }
' composed.wat > "$c_component_work/composed.full.wat"
"$JCO" parse "$c_component_work/composed.full.wat" -o composed.wasm
"$JCO" wit composed.wasm > composed.golden.wit
chmod 644 composed.wasm composed.golden.wit
echo "built composed.wasm"

# reenter.wat: written by hand (jco parse assembles it; the validator checks it when it is read)
"$JCO" parse reenter.wat -o reenter.wasm
"$JCO" wit reenter.wasm > reenter.golden.wit
chmod 644 reenter.wasm reenter.golden.wit
echo "built reenter.wasm"
