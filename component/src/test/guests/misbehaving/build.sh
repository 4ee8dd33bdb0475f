#!/usr/bin/env bash
# Rebuilds the misbehaving component fixtures from greeter.c (world `greeter`, wit/greeter.wit) and kv.c (world
# `kv`, kv-wit/deps/kv/kv.wit, or `kv-tokens`, kv-wit/), one component per misbehaviour, and the golden world of
# each (what `jco wit` prints for it). Needs clang-19, lld-19 and jco 1.35.0 (see ../README.md); the test suite
# never runs this. The output is byte for byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source ../c-component.sh

build() {
    local name=$1 source=$2 misbehavior=$3 wit=$4 world=$5 encoding=${6:-utf8} encoding_number=0
    [ "$encoding" = utf16 ] && encoding_number=1
    c_component "$name" "$source" "$wit" "$world" "$encoding" \
        "-DMISBEHAVIOR=$misbehavior" "-DNAME=\"$name\"" "-DENCODING=$encoding_number"
}
greeter() { build "$1" greeter.c "$2" wit greeter "${3:-utf8}"; }
greeter import-string-invalid-utf8 IMPORT_STRING_INVALID_UTF8
greeter import-string-out-of-bounds IMPORT_STRING_OUT_OF_BOUNDS
greeter import-string-length-wraps IMPORT_STRING_LENGTH_WRAPS
greeter import-empty-string-at-end IMPORT_EMPTY_STRING_AT_END
greeter import-empty-string-past-end IMPORT_EMPTY_STRING_PAST_END
greeter import-list-out-of-bounds IMPORT_LIST_OUT_OF_BOUNDS
greeter import-return-pointer-misaligned IMPORT_RETURN_POINTER_MISALIGNED
greeter import-return-pointer-out-of-bounds IMPORT_RETURN_POINTER_OUT_OF_BOUNDS
greeter realloc-out-of-bounds REALLOC_OUT_OF_BOUNDS
greeter realloc-pointer-wraps REALLOC_POINTER_WRAPS
greeter realloc-misaligned REALLOC_MISALIGNED utf16
greeter realloc-traps REALLOC_TRAPS
greeter realloc-calls-host REALLOC_CALLS_HOST
greeter export-traps EXPORT_TRAPS
greeter export-string-invalid-utf8 EXPORT_STRING_INVALID_UTF8
greeter export-string-utf8-surrogate EXPORT_STRING_UTF8_SURROGATE
greeter export-string-utf8-overlong EXPORT_STRING_UTF8_OVERLONG
greeter export-string-out-of-bounds EXPORT_STRING_OUT_OF_BOUNDS
greeter export-result-pointer-misaligned EXPORT_RESULT_POINTER_MISALIGNED
greeter export-result-pointer-out-of-bounds EXPORT_RESULT_POINTER_OUT_OF_BOUNDS
greeter post-return-traps POST_RETURN_TRAPS
greeter post-return-calls-host POST_RETURN_CALLS_HOST

kv() { build "$1" kv.c "$2" kv-wit/deps/kv kv; }
kv kv-drop-twice DROP_TWICE
kv kv-use-after-drop USE_AFTER_DROP
kv kv-use-after-move USE_AFTER_MOVE
kv kv-handle-zero HANDLE_ZERO
kv kv-unknown-handle UNKNOWN_HANDLE
build kv-wrong-type-borrow kv.c WRONG_TYPE_BORROW kv-wit kv-tokens
build kv-wrong-type-drop kv.c WRONG_TYPE_DROP kv-wit kv-tokens
