/*
 * misbehaving.c - a guest that breaks the Canonical ABI on purpose, one way per export.
 *
 * Imports example:greeter/host@0.2.1 (log, greet, checksum, repeat). Every export below takes no
 * arguments (core type () -> i32), makes exactly ONE bad call or returns ONE bad result, and
 * returns 0 if the host let the bad call through. A correct host traps instead, and the instance
 * must stay usable afterwards: "ok" is the control that must still work (it returns 1).
 *
 * Export                        What is wrong                                       Expected
 * ok                            nothing: log("still alive")                         returns 1
 * log-invalid-utf8              log bytes 48 C3 28 (truncated 2-byte sequence)      trap
 * log-lone-surrogate-utf8       log bytes ED A0 80 (UTF-8-encoded U+D800)           trap
 * log-out-of-bounds             log ptr = memory size - 4, len = 16                 trap
 * log-wrapping-length           log ptr = 16, len = 0xFFFFFFF8 (ptr+len wraps)      trap
 * log-empty-past-end            log ptr = memory size + 1, len = 0                  trap
 * greet-misaligned-retptr       greet("x"), retptr = 4-aligned buffer + 1           trap
 * greet-retptr-out-of-bounds    greet("x"), retptr = memory size - 4 (needs 8)      trap
 * repeat-surrogate              repeat(0xD800, 1, valid retptr)                     trap
 * repeat-too-large              repeat(0x110000, 1, valid retptr)                   trap
 * checksum-out-of-bounds        checksum(ptr 0x7FFFFFF0, len 64, seed 1)            trap
 * bad-string-result             returns {ptr,len} of bytes FF FE (string result)    trap when lifted
 * result-pointer-out-of-bounds  returns 0xFFFFFFF0 as the result pointer            trap when lifted
 * misaligned-result-pointer     returns 4-aligned area + 2 as the result pointer    trap when lifted
 *
 * The last three model string-returning functions (func() -> string): the core function returns
 * a pointer to an 8-byte, 4-aligned {ptr: i32, len: i32} area. They export no cabi_post_*.
 */

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define HOST_MODULE "example:greeter/host@0.2.1"
#define IMPORT(name) __attribute__((import_module(HOST_MODULE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

IMPORT("log") void host_log(u32 ptr, u32 len);
IMPORT("greet") void host_greet(u32 ptr, u32 len, u32 retptr);
IMPORT("checksum") u64 host_checksum(u32 ptr, u32 len, u64 seed);
IMPORT("repeat") void host_repeat(u32 codepoint, u32 times, u32 retptr);

/* ---- bump allocator, so well-behaved parts of the calls (greet/repeat results) can succeed ---- */

#define ARENA_SIZE 16384u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;

EXPORT("cabi_realloc")
u32 cabi_realloc(u32 old_ptr, u32 old_size, u32 align, u32 new_size) {
    if (align == 0) align = 1;
    if (align & (align - 1)) __builtin_trap();
    u32 base = (u32)arena;
    u32 start = (base + arena_used + (align - 1)) & ~(align - 1);
    u32 offset = start - base;
    if (offset > ARENA_SIZE || new_size > ARENA_SIZE - offset) __builtin_trap();
    arena_used = offset + new_size;
    if (old_ptr != 0) {
        u32 n = old_size < new_size ? old_size : new_size;
        for (u32 i = 0; i < n; i++) ((volatile u8 *)start)[i] = ((const u8 *)old_ptr)[i];
    }
    return start;
}

/* ---- helpers ------------------------------------------------------------------------------ */

static u32 memory_size_bytes(void) {
    return (u32)__builtin_wasm_memory_size(0) * 65536u;
}

#define ADDR(x) ((u32)(x))

static const u8 still_alive[] = "still alive";
static const u8 invalid_utf8[3] = { 0x48, 0xC3, 0x28 };
static const u8 surrogate_utf8[3] = { 0xED, 0xA0, 0x80 };
static const u8 x_str[1] = { 'x' };
static const u8 bad_result_bytes[2] = { 0xFF, 0xFE };
static const u8 misaligned_text[] = "misaligned";

/* Valid, 4-aligned 8-byte area for {ptr, len} results; big enough to offset into. */
static u32 ret_area[4] __attribute__((aligned(8)));

/* ---- exports ------------------------------------------------------------------------------ */

EXPORT("ok")
u32 ok(void) {
    host_log(ADDR(still_alive), sizeof(still_alive) - 1);
    return 1;
}

EXPORT("log-invalid-utf8")
u32 log_invalid_utf8(void) {
    host_log(ADDR(invalid_utf8), sizeof(invalid_utf8));
    return 0;
}

EXPORT("log-lone-surrogate-utf8")
u32 log_lone_surrogate_utf8(void) {
    host_log(ADDR(surrogate_utf8), sizeof(surrogate_utf8));
    return 0;
}

EXPORT("log-out-of-bounds")
u32 log_out_of_bounds(void) {
    host_log(memory_size_bytes() - 4, 16);
    return 0;
}

EXPORT("log-wrapping-length")
u32 log_wrapping_length(void) {
    host_log(16, 0xFFFFFFF8u);
    return 0;
}

EXPORT("log-empty-past-end")
u32 log_empty_past_end(void) {
    host_log(memory_size_bytes() + 1, 0);
    return 0;
}

EXPORT("greet-misaligned-retptr")
u32 greet_misaligned_retptr(void) {
    host_greet(ADDR(x_str), sizeof(x_str), ADDR(ret_area) + 1);
    return 0;
}

EXPORT("greet-retptr-out-of-bounds")
u32 greet_retptr_out_of_bounds(void) {
    host_greet(ADDR(x_str), sizeof(x_str), memory_size_bytes() - 4);
    return 0;
}

EXPORT("repeat-surrogate")
u32 repeat_surrogate(void) {
    host_repeat(0xD800u, 1, ADDR(ret_area));
    return 0;
}

EXPORT("repeat-too-large")
u32 repeat_too_large(void) {
    host_repeat(0x110000u, 1, ADDR(ret_area));
    return 0;
}

EXPORT("checksum-out-of-bounds")
u32 checksum_out_of_bounds(void) {
    (void)host_checksum(0x7FFFFFF0u, 64, 1);
    return 0;
}

EXPORT("bad-string-result")
u32 bad_string_result(void) {
    ret_area[0] = ADDR(bad_result_bytes);
    ret_area[1] = sizeof(bad_result_bytes);
    return ADDR(ret_area);
}

EXPORT("result-pointer-out-of-bounds")
u32 result_pointer_out_of_bounds(void) {
    return 0xFFFFFFF0u;
}

EXPORT("misaligned-result-pointer")
u32 misaligned_result_pointer(void) {
    /* At ret_area + 2 write a {ptr, len} that would describe the valid string "misaligned", so
       the only fault a host can find is the alignment of the result pointer itself. */
    volatile u8 *p = (volatile u8 *)ret_area + 2;
    u32 ptr = ADDR(misaligned_text), len = sizeof(misaligned_text) - 1;
    for (u32 i = 0; i < 4; i++) {
        p[i] = (u8)(ptr >> (8 * i));
        p[4 + i] = (u8)(len >> (8 * i));
    }
    return ADDR(ret_area) + 2;
}
