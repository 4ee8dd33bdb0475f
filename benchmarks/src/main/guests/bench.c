/*
 * bench.c - the guest of witbind's call benchmarks (scenarios 1, 2, 3 and 6 of BENCHMARKS.md).
 *
 * Built without libc for wasm32-unknown-unknown; see build.sh. The same core module runs on Chicory (witbind's
 * generated bindings and hand-written Chicory host functions) and, wrapped into a component by jco with
 * ../wit/bench.wit, on Node: every runner does exactly the same guest work.
 *
 * Imports (interface bench:host/calls@1.0.0, Canonical ABI flattened):
 *   echo-u32(x: i32) -> i32                       ; echo-u32: func(x: u32) -> u32
 *   echo-string(ptr: i32, len: i32, ret: i32)     ; echo-string: func(s: string) -> string
 *   echo-bytes(ptr: i32, len: i32, ret: i32)      ; echo-bytes: func(b: list<u8>) -> list<u8>
 * Exports:
 *   memory, cabi_realloc
 *   fill(kind: i32)                               ; fill: func(kind: u32): 0 ASCII text, 1 mixed UTF-8 text
 *   call-u32(n: i32, x: i32) -> i32               ; n calls of echo-u32, returns a sum of the results
 *   call-string(len: i32, n: i32) -> i32          ; n calls of echo-string with the first len bytes of the text
 *   call-bytes(len: i32, n: i32) -> i32           ; n calls of echo-bytes with the first len bytes of the text
 * The call-* exports check every result (length, first and last byte) and trap with unreachable when a host
 * answers wrongly, so no runner can skip the work.
 */

typedef unsigned char u8;
typedef unsigned int u32;

#define HOST_MODULE "bench:host/calls@1.0.0"
#define IMPORT(name) __attribute__((import_module(HOST_MODULE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

IMPORT("echo-u32") u32 host_echo_u32(u32 x);
IMPORT("echo-string") void host_echo_string(const u8 *ptr, u32 len, u32 *ret);
IMPORT("echo-bytes") void host_echo_bytes(const u8 *ptr, u32 len, u32 *ret);

#define TEXT_SIZE 65536u
#define ARENA_SIZE 131072u

static u8 text[TEXT_SIZE];
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;
static u32 import_ret[2]; /* {ptr, len} the host writes for echo-string and echo-bytes */

/* Plain byte copy; no_builtin keeps the optimiser from turning it into a memcpy call (no libc). */
__attribute__((no_builtin)) static void copy_bytes(u8 *dst, const u8 *src, u32 n) {
    for (u32 i = 0; i < n; i++) dst[i] = src[i];
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, u32 old_size, u32 align, u32 new_size) {
    if (align == 0) align = 1;
    if (align & (align - 1)) __builtin_trap();
    u32 base = (u32)arena;
    u32 start = (base + arena_used + (align - 1)) & ~(align - 1);
    u32 offset = start - base;
    if (offset > ARENA_SIZE || new_size > ARENA_SIZE - offset) __builtin_trap();
    arena_used = offset + new_size;
    if (old_ptr != 0) copy_bytes((u8 *)start, (const u8 *)old_ptr, old_size < new_size ? old_size : new_size);
    return (void *)start;
}

/* 16 bytes of well-formed UTF-8 with 1-, 2-, 3- and 4-byte sequences: "ab", U+00E9, U+20AC, U+1F600, "cdefg".
   Text of any multiple of 16 bytes is well formed. */
static const u8 mixed[16] = { 'a', 'b', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 'c', 'd', 'e', 'f', 'g' };

EXPORT("fill")
void fill(u32 kind) {
    for (u32 i = 0; i < TEXT_SIZE; i++) {
        text[i] = kind == 0 ? (u8)('a' + i % 26) : mixed[i % 16];
    }
}

EXPORT("call-u32")
u32 call_u32(u32 n, u32 x) {
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) {
        u32 y = host_echo_u32(x + i);
        if (y != x + i + 1) __builtin_trap();
        sum += y;
    }
    return sum;
}

static void check_echo(u32 len) {
    const u8 *out = (const u8 *)import_ret[0];
    if (import_ret[1] != len) __builtin_trap();
    if (len > 0 && (out[0] != text[0] || out[len - 1] != text[len - 1])) __builtin_trap();
}

EXPORT("call-string")
u32 call_string(u32 len, u32 n) {
    if (len > TEXT_SIZE) __builtin_trap();
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) {
        arena_used = 0; /* the previous result is checked and dropped */
        host_echo_string(text, len, import_ret);
        check_echo(len);
        sum += import_ret[1];
    }
    arena_used = 0;
    return sum;
}

EXPORT("call-bytes")
u32 call_bytes(u32 len, u32 n) {
    if (len > TEXT_SIZE) __builtin_trap();
    u32 sum = 0;
    for (u32 i = 0; i < n; i++) {
        arena_used = 0;
        host_echo_bytes(text, len, import_ret);
        check_echo(len);
        sum += import_ret[1];
    }
    arena_used = 0;
    return sum;
}
