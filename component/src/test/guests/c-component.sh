# Sourced by the build.sh of the C component fixtures here: builds one component from one C file (no libc) with
# clang-19, jco embed and jco new, and writes the golden world beside it (what `jco wit` prints). Needs clang-19,
# lld-19 and jco 1.35.0 (see README.md). The output is byte for byte the committed files.
#
#   c_component NAME SOURCE WIT WORLD [ENCODING [CLANG-FLAG ...]]
#
# writes NAME.wasm and NAME.golden.wit in the current folder (or in C_COMPONENT_OUT) from SOURCE, the WIT folder or file WIT and its world
# WORLD; ENCODING is jco embed's --string-encoding (utf8, utf16, compact-utf16; utf8 when left out); the CLANG-FLAGs
# are passed to clang (-D definitions).

CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
c_component_work=$(mktemp -d)
trap 'rm -rf "$c_component_work"' EXIT

c_component() {
    local name=$1 source=$2 wit=$3 world=$4 encoding=${5:-utf8} out=${C_COMPONENT_OUT:-.}
    shift $(($# < 5 ? $# : 5))
    # Relative -o on purpose: wasm-ld records the output's base name as the module name.
    (cd "$c_component_work" && "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib \
        -Wl,--no-entry -Wl,--export-memory "$@" -o "$name.core.wasm" "$OLDPWD/$source")
    "$JCO" embed "$c_component_work/$name.core.wasm" --wit "$wit" -n "$world" --string-encoding "$encoding" \
        -o "$c_component_work/$name.embed.wasm"
    "$JCO" new "$c_component_work/$name.embed.wasm" -o "$out/$name.wasm"
    "$JCO" wit "$out/$name.wasm" > "$out/$name.golden.wit"
    chmod 644 "$out/$name.wasm" "$out/$name.golden.wit"
    echo "built $out/$name.wasm"
}
