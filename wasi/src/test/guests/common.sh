# Shared by every build.sh under wasi/src/test/guests/ (sourced, not run). Needs clang-19, lld-19, wasi-libc,
# libclang-rt-19-dev-wasm32 and jco 1.35.0 (see README.md); the test suite never runs any of this.
#
# Each program is compiled once to a preview-1 core module and made a component twice:
#   <program>.wasm        `jco new --wasi-command` with jco 1.35.0's own adapter: imports WASI 0.2.12
#   <program>-0.2.0.wasm  `jco new --adapt` with the command adapter of the jco 1.0.0 npm package: WASI 0.2.0
# and `jco wit` prints the world of each into <program>.golden.wit and <program>-0.2.0.golden.wit; beside them,
# <program>.imports.txt and <program>-0.2.0.imports.txt list, for each imported instance, the resources and
# functions its type holds (taken from `jco print`): only those the adapter uses, which a host must all link.
#
# The jco 1.0.0 adapter is third-party and never committed: it is fetched with `npm pack` into a temporary
# folder and checked against the digest below. ADAPTER_0_2_0_DIR may name a folder that already holds
# wasi_snapshot_preview1.command.wasm and wasi_snapshot_preview1.reactor.wasm from that package (build-all.sh
# fetches them once for all programs); they are checked all the same.
set -euo pipefail

CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
NPM=${NPM:-npm}

ADAPTER_PACKAGE=@bytecodealliance/jco@1.0.0
ADAPTER_COMMAND_SHA256=67bad66051209a03229bcff206959a4f2e8b70ec252f9d81439f909b04ad511e
ADAPTER_REACTOR_SHA256=9ef4fc6dc3bde7ceb047a6d09941749237e73d4701204d0c1122bb1b2a939257

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check_sha256() {
    local file=$1 expected=$2 actual
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    if [ "$actual" != "$expected" ]; then
        echo "$file: sha256 $actual, expected $expected" >&2
        exit 1
    fi
}

# Prints the folder that holds the jco 1.0.0 adapters, fetching them first if ADAPTER_0_2_0_DIR is unset.
adapter_dir() {
    local dir
    if [ -n "${ADAPTER_0_2_0_DIR:-}" ]; then
        dir=$ADAPTER_0_2_0_DIR
    else
        dir=$work/adapter
        if [ ! -d "$dir" ]; then
            mkdir -p "$dir"
            (cd "$dir" && "$NPM" pack --silent "$ADAPTER_PACKAGE" > /dev/null \
                && tar xzf bytecodealliance-jco-1.0.0.tgz --strip-components=2 \
                    package/lib/wasi_snapshot_preview1.command.wasm package/lib/wasi_snapshot_preview1.reactor.wasm)
        fi
    fi
    check_sha256 "$dir/wasi_snapshot_preview1.command.wasm" "$ADAPTER_COMMAND_SHA256"
    check_sha256 "$dir/wasi_snapshot_preview1.reactor.wasm" "$ADAPTER_REACTOR_SHA256"
    echo "$dir"
}

# compile <program> [clang flags...]: <program>.c in the current folder to $work/<program>.p1.wasm.
compile() {
    local program=$1
    shift
    # Relative -o on purpose: wasm-ld records the output's base name as the module name.
    (cd "$work" && "$CLANG" --target=wasm32-wasi -O2 -s "$@" -o "$program.p1.wasm" "$OLDPWD/$program.c")
}

# imports <component> <output file>: the imported instances of a component, each with the resources and the
# functions of its instance type, in the component's order, read from the text `jco print` gives.
imports() {
    "$JCO" print "$1" | awk '
        function quoted() { match($0, /"[^"]+"/); return substr($0, RSTART + 1, RLENGTH - 2) }
        /^      \(export \(;[0-9]+;\) "[^"]+" \(func / { funcs = funcs " " quoted(); next }
        /^      \(export \(;[0-9]+;\) "[^"]+" \(type \(sub resource\)\)\)/ { res = res " " quoted(); next }
        /^  \(import "[^"]+" \(instance / {
            print quoted()
            if (res != "") print "  resources:" res
            if (funcs != "") print "  functions:" funcs
            funcs = ""; res = ""; next
        }
        /^  \(import / { funcs = ""; res = "" }
    ' > "$2"
}

# componentize <core module> <output name> <command|reactor>: both components of one core module, with goldens.
componentize() {
    local core=$1 name=$2 kind=$3 adapters
    adapters=$(adapter_dir)
    "$JCO" new "$core" "--wasi-$kind" -o "$name.wasm"
    "$JCO" new "$core" --adapt "wasi_snapshot_preview1=$adapters/wasi_snapshot_preview1.$kind.wasm" \
        -o "$name-0.2.0.wasm"
    "$JCO" wit "$name.wasm" > "$name.golden.wit"
    "$JCO" wit "$name-0.2.0.wasm" > "$name-0.2.0.golden.wit"
    imports "$name.wasm" "$name.imports.txt"
    imports "$name-0.2.0.wasm" "$name-0.2.0.imports.txt"
    chmod 644 "$name.wasm" "$name-0.2.0.wasm" "$name.golden.wit" "$name-0.2.0.golden.wit" \
        "$name.imports.txt" "$name-0.2.0.imports.txt"
    echo "built $name.wasm and $name-0.2.0.wasm"
}

# command <program> [clang flags...]: the usual case, a command program from <program>.c.
command_program() {
    local program=$1
    shift
    compile "$program" "$@"
    componentize "$work/$program.p1.wasm" "$program" command
}
