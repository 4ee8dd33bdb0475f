/*
 * abi-probe: a core module that exercises the Canonical ABI between witbind and a guest, in both directions.
 *
 * It imports every function of test:abi/probe@1.0.0 (the host side lives in the runtime's tests) and exports
 *   - call-* functions that call those imports, with fixed extreme values or with the values the test passes,
 *     and hand back exactly what the host returned;
 *   - check-echoes, which calls the echo-* imports with fixed values and checks the host's raw core results
 *     in the guest (one bit per failed check), so a wrong extension or a non-canonical NaN shows up;
 *   - functions the host calls with GuestFunction (add-u64, concat, sum17, mixed, ...);
 *   - exports that break a Canonical ABI rule on purpose (bad-utf8, out-of-bounds-string, misaligned-result,
 *     next-char of U+10FFFF, trap), for the host's traps.
 *
 * Every value crosses in its core form (int32_t, int64_t, float, double), so that this file controls each bit
 * the host sees: a WIT bool is passed as 2, an s8 as the sign-extended i32, a NaN with a payload.
 * Built with build.sh; no libc.
 */
#include <stdint.h>
#include <stddef.h>

#define IMPORT(name) __attribute__((import_module("test:abi/probe@1.0.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

/* A string or list<u8> in memory: the Canonical ABI's (ptr, len) pair, 4-aligned, 8 bytes. */
typedef struct {
    const uint8_t *ptr;
    uint32_t len;
} slice;

/* ---- imports: the core types of the lowered WIT functions -------------------------------------------------- */

/* scalars: func(a: bool, b: s8, c: u8, d: s16, e: u16, f: s32, g: u32, h: s64, i: u64, j: f32, k: f64,
 *               l: char) -> string; the string comes back through the trailing return pointer. */
IMPORT("scalars") void probe_scalars(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e, int32_t f, int32_t g,
                                     int64_t h, int64_t i, float j, double k, int32_t l, slice *ret);
/* many: func(p1: string, ..., p9: string) -> u64; 18 flat params > 16, so one pointer to the tuple. */
IMPORT("many") int64_t probe_many(const slice *params);
IMPORT("echo-u64") int64_t probe_echo_u64(int64_t v);
IMPORT("echo-f64") double probe_echo_f64(double v);
IMPORT("echo-f32") float probe_echo_f32(float v);
IMPORT("echo-char") int32_t probe_echo_char(int32_t c);
IMPORT("echo-bool") int32_t probe_echo_bool(int32_t b);
IMPORT("echo-s8") int32_t probe_echo_s8(int32_t v);
IMPORT("echo-u16") int32_t probe_echo_u16(int32_t v);
IMPORT("bytes-len") int32_t probe_bytes_len(const uint8_t *ptr, uint32_t len);
IMPORT("reverse") void probe_reverse(const uint8_t *ptr, uint32_t len, slice *ret);

/* ---- memory: a bump allocator ------------------------------------------------------------------------------ */

extern uint8_t __heap_base;
static uintptr_t heap_top;

static void copy_bytes(volatile uint8_t *to, const volatile uint8_t *from, uint32_t n) {
    /* volatile keeps clang from turning the loop into a call to memcpy, which this module does not have */
    for (uint32_t i = 0; i < n; i++) {
        to[i] = from[i];
    }
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size) {
    if (old_ptr != 0 && new_size <= old_size) {
        return old_ptr;
    }
    if (heap_top == 0) {
        heap_top = (uintptr_t) &__heap_base;
    }
    uintptr_t start = (heap_top + align - 1) & ~(uintptr_t) (align - 1);
    uintptr_t end = start + new_size;
    if (end < start) {
        __builtin_trap();
    }
    uintptr_t have = __builtin_wasm_memory_size(0) * 65536;
    if (end > have) {
        uintptr_t pages = (end - have + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (uintptr_t) -1) {
            __builtin_trap();
        }
    }
    heap_top = end;
    if (old_ptr != 0) {
        copy_bytes((uint8_t *) start, old_ptr, old_size);
    }
    return (void *) start;
}

/* The size of linear memory in bytes, for tests that pass pointers at its end. */
EXPORT("memory-size")
uint32_t memory_size(void) {
    return __builtin_wasm_memory_size(0) * 65536;
}

/* ---- guest -> host ----------------------------------------------------------------------------------------- */

static float f32_from_bits(uint32_t bits) {
    union { uint32_t i; float f; } u = {bits};
    return u.f;
}

static uint32_t f32_bits(float f) {
    union { float f; uint32_t i; } u = {f};
    return u.i;
}

static double f64_from_bits(uint64_t bits) {
    union { uint64_t i; double f; } u = {bits};
    return u.f;
}

static uint64_t f64_bits(double f) {
    union { double f; uint64_t i; } u = {f};
    return u.i;
}

static slice ret_area __attribute__((aligned(8)));

/* call-scalars: func() -> string. Extremes of every scalar type; the bool travels as 2 (any non-zero i32 is
 * true), the f32 as a signalling NaN with a payload, the f64 as -0.0, the char as U+10FFFF. */
EXPORT("call-scalars")
slice *call_scalars(void) {
    probe_scalars(2, -128, 255, -32768, 65535, INT32_MIN, (int32_t) UINT32_MAX, INT64_MIN, (int64_t) UINT64_MAX,
                  f32_from_bits(0x7fa00001u), f64_from_bits(0x8000000000000000ull), 0x10FFFF, &ret_area);
    return &ret_area;
}

#define SLICE(literal) {(const uint8_t *) (literal), sizeof(literal) - 1}

/* The nine strings call-many passes: empty, ASCII, 2-, 3- and 4-byte UTF-8, U+10FFFF, an embedded NUL. */
static const slice many_strings[9] = {
    SLICE(""),
    SLICE("a"),
    SLICE("h\xC3\xA9llo"),                 /* héllo */
    SLICE("\xE6\x97\xA5\xE6\x9C\xAC"),     /* 日本 */
    SLICE("\xF0\x9F\x98\x80"),             /* U+1F600 */
    SLICE("\xF4\x8F\xBF\xBF"),             /* U+10FFFF */
    SLICE("nul\0inside"),
    SLICE("\xCE\xA9mega"),                 /* Ωmega */
    SLICE("the ninth and last string"),
};

/* call-many: func() -> u64 */
EXPORT("call-many")
int64_t call_many(void) {
    return probe_many(many_strings);
}

/* call-many-at: func(ptr: u32) -> u64, passes the test's pointer as the parameter tuple (to make the host trap). */
EXPORT("call-many-at")
int64_t call_many_at(uint32_t ptr) {
    return probe_many((const slice *) ptr);
}

/* The call-echo-* exports pass their argument on unchanged and return the host's result unchanged. */
EXPORT("call-echo-u64") int64_t call_echo_u64(int64_t v) { return probe_echo_u64(v); }
EXPORT("call-echo-f64") double call_echo_f64(double v) { return probe_echo_f64(v); }
EXPORT("call-echo-f32") float call_echo_f32(float v) { return probe_echo_f32(v); }
EXPORT("call-echo-char") int32_t call_echo_char(int32_t c) { return probe_echo_char(c); }
EXPORT("call-echo-bool") int32_t call_echo_bool(int32_t b) { return probe_echo_bool(b); }
EXPORT("call-echo-s8") int32_t call_echo_s8(int32_t v) { return probe_echo_s8(v); }
EXPORT("call-echo-u16") int32_t call_echo_u16(int32_t v) { return probe_echo_u16(v); }

/* call-bytes-len: func(b: list<u8>) -> u32 */
EXPORT("call-bytes-len")
int32_t call_bytes_len(const uint8_t *ptr, uint32_t len) {
    return probe_bytes_len(ptr, len);
}

/* call-reverse: func(b: list<u8>) -> list<u8> */
EXPORT("call-reverse")
slice *call_reverse(const uint8_t *ptr, uint32_t len) {
    probe_reverse(ptr, len, &ret_area);
    return &ret_area;
}

/* call-reverse-into: func(b: list<u8>, retptr: u32) -> u32, with the test's return pointer (to make the host
 * trap); returns that pointer. */
EXPORT("call-reverse-into")
uint32_t call_reverse_into(const uint8_t *ptr, uint32_t len, uint32_t retptr) {
    probe_reverse(ptr, len, (slice *) retptr);
    return retptr;
}

static uint8_t bytes300[300];
static const uint8_t to_reverse[4] = {1, 2, 3, 0xFF};

/* check-echoes: func() -> u32. Calls the echo imports with fixed values and checks the raw core results; bit n
 * is set when check n failed, so 0 means the host lifted and lowered every value as the Canonical ABI says. */
EXPORT("check-echoes")
uint32_t check_echoes(void) {
    uint32_t failed = 0;
    failed |= (uint32_t) (probe_echo_u64((int64_t) UINT64_MAX) != (int64_t) UINT64_MAX) << 0;
    failed |= (uint32_t) (probe_echo_u64(INT64_MIN) != INT64_MIN) << 1;
    failed |= (uint32_t) (f64_bits(probe_echo_f64(f64_from_bits(0x8000000000000000ull))) != 0x8000000000000000ull) << 2;
    /* a NaN with sign and payload comes back as the canonical NaN: the host saw only that */
    failed |= (uint32_t) (f64_bits(probe_echo_f64(f64_from_bits(0xfff0000000000001ull))) != 0x7ff8000000000000ull) << 3;
    failed |= (uint32_t) (f32_bits(probe_echo_f32(f32_from_bits(0x7fa00001u))) != 0x7fc00000u) << 4;
    failed |= (uint32_t) (f32_bits(probe_echo_f32(f32_from_bits(0x80000000u))) != 0x80000000u) << 5;
    failed |= (uint32_t) (probe_echo_char(0x10FFFF) != 0x10FFFF) << 6;
    failed |= (uint32_t) (probe_echo_char(0) != 0) << 7;
    /* any non-zero i32 is true; the host lowers true as exactly 1 */
    failed |= (uint32_t) (probe_echo_bool(2) != 1) << 8;
    failed |= (uint32_t) (probe_echo_bool(INT32_MIN) != 1) << 9;
    failed |= (uint32_t) (probe_echo_bool(0) != 0) << 10;
    /* s8 is sign-extended to i32, u16 zero-extended */
    failed |= (uint32_t) (probe_echo_s8(-128) != -128) << 11;
    failed |= (uint32_t) (probe_echo_s8(127) != 127) << 12;
    failed |= (uint32_t) (probe_echo_u16(65535) != 65535) << 13;
    failed |= (uint32_t) (probe_echo_u16(0x8000) != 0x8000) << 14;
    failed |= (uint32_t) (probe_bytes_len(bytes300, sizeof bytes300) != 300) << 15;
    /* an empty list may sit exactly at the end of memory */
    failed |= (uint32_t) (probe_bytes_len((const uint8_t *) memory_size(), 0) != 0) << 16;
    slice reversed = {0, 0xFFFFFFFFu};
    probe_reverse(to_reverse, sizeof to_reverse, &reversed);
    failed |= (uint32_t) (reversed.len != 4 || reversed.ptr[0] != 0xFF || reversed.ptr[1] != 3
                          || reversed.ptr[2] != 2 || reversed.ptr[3] != 1) << 17;
    slice empty = {0, 0xFFFFFFFFu};
    probe_reverse(to_reverse, 0, &empty);
    failed |= (uint32_t) (empty.len != 0) << 18;
    return failed;
}

/* ---- host -> guest ----------------------------------------------------------------------------------------- */

/* add-u64: func(a: u64, b: u64) -> u64, wrapping */
EXPORT("add-u64")
uint64_t add_u64(uint64_t a, uint64_t b) {
    return a + b;
}

static uint32_t post_return_count;

/* concat: func(a: string, b: string) -> string */
EXPORT("concat")
slice *concat(const uint8_t *a, uint32_t a_len, const uint8_t *b, uint32_t b_len) {
    uint8_t *out = cabi_realloc(0, 0, 1, a_len + b_len);
    copy_bytes(out, a, a_len);
    copy_bytes(out + a_len, b, b_len);
    ret_area.ptr = out;
    ret_area.len = a_len + b_len;
    return &ret_area;
}

EXPORT("cabi_post_concat")
void cabi_post_concat(slice *result) {
    /* a real guest frees here; this one counts, and clears the result so a late read by the host shows */
    result->len = 0;
    post_return_count++;
}

/* count-post-return: func() -> u32, how many times cabi_post_concat ran */
EXPORT("count-post-return")
uint32_t count_post_return(void) {
    return post_return_count;
}

/* sum17: func(a1: u32, ..., a17: u32) -> u64; 17 flat params > 16, so the host passes one pointer to the tuple
 * it allocated with cabi_realloc. Returns the sum of k * ak (k = 1..17), so a swapped pair changes the result. */
EXPORT("sum17")
uint64_t sum17(const uint32_t *params) {
    uint64_t sum = 0;
    for (uint32_t k = 0; k < 17; k++) {
        sum += (uint64_t) (k + 1) * params[k];
    }
    return sum;
}

/* The parameter tuple of mixed, in the Canonical ABI's record layout: each field at the next multiple of its
 * alignment. clang lays out a C struct of these types the same way; the asserts pin the offsets. */
typedef struct {
    uint8_t a;   /* u8 */
    uint64_t b;  /* u64 */
    uint16_t c;  /* u16 */
    slice d;     /* string */
    uint8_t e;   /* bool */
    double f;    /* f64 */
    int8_t g;    /* s8 */
    float h;     /* f32 */
    uint32_t i;  /* char */
    slice j;     /* list<u8> */
    int16_t k;   /* s16 */
    uint32_t l;  /* u32 */
    int64_t m;   /* s64 */
    slice n;     /* string */
} mixed_params;

_Static_assert(offsetof(mixed_params, b) == 8, "b");
_Static_assert(offsetof(mixed_params, c) == 16, "c");
_Static_assert(offsetof(mixed_params, d) == 20, "d");
_Static_assert(offsetof(mixed_params, e) == 28, "e");
_Static_assert(offsetof(mixed_params, f) == 32, "f");
_Static_assert(offsetof(mixed_params, g) == 40, "g");
_Static_assert(offsetof(mixed_params, h) == 44, "h");
_Static_assert(offsetof(mixed_params, i) == 48, "i");
_Static_assert(offsetof(mixed_params, j) == 52, "j");
_Static_assert(offsetof(mixed_params, k) == 60, "k");
_Static_assert(offsetof(mixed_params, l) == 64, "l");
_Static_assert(offsetof(mixed_params, m) == 72, "m");
_Static_assert(offsetof(mixed_params, n) == 80, "n");
_Static_assert(sizeof(mixed_params) == 88 && _Alignof(mixed_params) == 8, "size");

/* mixed: func(a: u8, b: u64, c: u16, d: string, e: bool, f: f64, g: s8, h: f32, i: char, j: list<u8>, k: s16,
 *             l: u32, m: s64, n: string) -> list<u8>
 * 18 flat params > 16, so the host passes one pointer to the tuple. Returns the tuple's 88 bytes as the host
 * wrote them, then the bytes of d, j and n, so the test sees every field at its offset. */
EXPORT("mixed")
slice *mixed(const mixed_params *params) {
    uint32_t size = sizeof *params + params->d.len + params->j.len + params->n.len;
    uint8_t *out = cabi_realloc(0, 0, 1, size);
    copy_bytes(out, (const uint8_t *) params, sizeof *params);
    uint8_t *next = out + sizeof *params;
    copy_bytes(next, params->d.ptr, params->d.len);
    next += params->d.len;
    copy_bytes(next, params->j.ptr, params->j.len);
    next += params->j.len;
    copy_bytes(next, params->n.ptr, params->n.len);
    ret_area.ptr = out;
    ret_area.len = size;
    return &ret_area;
}

/* negate-f32: func(v: f32) -> f32; f32.neg flips the sign bit of NaNs too */
EXPORT("negate-f32")
float negate_f32(float v) {
    return -v;
}

/* flip: func(b: bool) -> bool. Returns true as 0x100 (any non-zero i32 is true) and traps unless the host passed
 * exactly 0 or 1. */
EXPORT("flip")
int32_t flip(int32_t b) {
    if (b != 0 && b != 1) {
        __builtin_trap();
    }
    return b ? 0 : 0x100;
}

/* next-char: func(c: char) -> char, the next scalar value; skips the surrogates and, for U+10FFFF, returns
 * 0x110000 (not a char: the host must trap). */
EXPORT("next-char")
int32_t next_char(int32_t c) {
    return c == 0xD7FF ? 0xE000 : c + 1;
}

/* bytes-sum: func(b: list<u8>) -> u32, the sum of the unsigned bytes */
EXPORT("bytes-sum")
uint32_t bytes_sum(const uint8_t *ptr, uint32_t len) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < len; i++) {
        sum += ptr[i];
    }
    return sum;
}

/* ---- exports that break the Canonical ABI on purpose ------------------------------------------------------- */

/* bad-utf8: func() -> string, "a" then an encoded surrogate (ill-formed UTF-8 at byte 1) */
EXPORT("bad-utf8")
slice *bad_utf8(void) {
    static const uint8_t bytes[4] = {'a', 0xED, 0xA0, 0x80};
    ret_area.ptr = bytes;
    ret_area.len = 4;
    return &ret_area;
}

/* out-of-bounds-string: func() -> string, 3 bytes starting 2 bytes before the end of memory */
EXPORT("out-of-bounds-string")
slice *out_of_bounds_string(void) {
    ret_area.ptr = (const uint8_t *) (memory_size() - 2);
    ret_area.len = 3;
    return &ret_area;
}

/* misaligned-result: func() -> string, whose (ptr, len) pair is at an odd address */
EXPORT("misaligned-result")
uint32_t misaligned_result(void) {
    return (uint32_t) &ret_area + 1;
}

/* trap: func(), executes unreachable */
EXPORT("trap")
void trap(void) {
    __builtin_trap();
}
