/*
 * greeter.c - a well-behaved core-module guest for the example:greeter host interface.
 *
 * Built without libc for wasm32-unknown-unknown; see build.sh. One source, parameterised:
 *   HOST_VERSION          version string of the imported interface, e.g. "0.2.1"
 *                         (import module "example:greeter/host@" HOST_VERSION)
 *   USES_0_2_1_FUNCTIONS  1 to also import and call shout/repeat (added in 0.2.1), 0 otherwise
 *   MODULE_PREFIX         optional text before the interface name in the import module, e.g. "cm32p2|" for
 *                         wit-component's newer core naming (default: none, the legacy naming)
 *   HOST_VERSION may be a canonversion ("0.2"): a canonical interface name, which stands for every 0.2.x
 *
 * Exports (Canonical ABI, flattened core signatures):
 *   memory
 *   cabi_realloc(old_ptr: i32, old_size: i32, align: i32, new_size: i32) -> i32
 *   run(name_ptr: i32, name_len: i32) -> i32           ; run: func(name: string) -> string
 *   cabi_post_run(retptr: i32)                          ; post-return for run
 *   fingerprint(seed: i64) -> i64                       ; fingerprint: func(seed: u64) -> u64
 */

#ifndef HOST_VERSION
#error "define HOST_VERSION, e.g. -DHOST_VERSION=\"0.2.0\""
#endif
#ifndef USES_0_2_1_FUNCTIONS
#define USES_0_2_1_FUNCTIONS 0
#endif

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#ifndef MODULE_PREFIX
#define MODULE_PREFIX ""
#endif

#define HOST_MODULE MODULE_PREFIX "example:greeter/host@" HOST_VERSION
#define IMPORT(name) __attribute__((import_module(HOST_MODULE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

/* ---- imports ------------------------------------------------------------------------------ */

/* log: func(message: string) */
IMPORT("log") void host_log(const u8 *ptr, u32 len);
/* greet: func(name: string) -> string ; host writes {ptr, len} at ret */
IMPORT("greet") void host_greet(const u8 *ptr, u32 len, u32 *ret);
/* checksum: func(data: list<u8>, seed: u64) -> u64 */
IMPORT("checksum") u64 host_checksum(const u8 *ptr, u32 len, u64 seed);
#if USES_0_2_1_FUNCTIONS
/* shout: func(text: string) -> string */
IMPORT("shout") void host_shout(const u8 *ptr, u32 len, u32 *ret);
/* repeat: func(c: char, times: u32) -> string */
IMPORT("repeat") void host_repeat(u32 codepoint, u32 times, u32 *ret);
#endif

/* ---- bump allocator over a static arena --------------------------------------------------- */

#define ARENA_SIZE 65536u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used; /* bytes of arena handed out so far */

/* Plain byte copy; no_builtin keeps the optimiser from turning it into a memcpy call (no libc). */
__attribute__((no_builtin)) static void copy_bytes(u8 *dst, const u8 *src, u32 n) {
    for (u32 i = 0; i < n; i++) dst[i] = src[i];
}

static u8 *arena_alloc(u32 align, u32 size) {
    if (align == 0) align = 1;
    if (align & (align - 1)) __builtin_trap();          /* not a power of two */
    u32 base = (u32)arena;
    u32 start = (base + arena_used + (align - 1)) & ~(align - 1);
    u32 offset = start - base;
    if (offset > ARENA_SIZE || size > ARENA_SIZE - offset) __builtin_trap(); /* arena exhausted */
    arena_used = offset + size;
    return (u8 *)start;
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, u32 old_size, u32 align, u32 new_size) {
    u8 *p = arena_alloc(align, new_size);
    if (old_ptr != 0) copy_bytes(p, (const u8 *)old_ptr, old_size < new_size ? old_size : new_size);
    return p;
}

/* ---- small string helpers ----------------------------------------------------------------- */

struct str { const u8 *ptr; u32 len; };

#define LIT(s) ((struct str){ (const u8 *)(s), sizeof(s) - 1 })

static struct str concat(const struct str *parts, u32 n) {
    u32 total = 0;
    for (u32 i = 0; i < n; i++) total += parts[i].len;
    u8 *out = arena_alloc(1, total);
    u32 at = 0;
    for (u32 i = 0; i < n; i++) {
        copy_bytes(out + at, parts[i].ptr, parts[i].len);
        at += parts[i].len;
    }
    return (struct str){ out, total };
}

/* 16 lowercase hex digits, most significant first. */
static struct str hex_u64(u64 v) {
    static const char digits[16] = "0123456789abcdef";
    u8 *out = arena_alloc(1, 16);
    for (int i = 15; i >= 0; i--) { out[i] = (u8)digits[v & 0xF]; v >>= 4; }
    return (struct str){ out, 16 };
}

static u32 ret_area[2];     /* {ptr, len} returned by run; 8 bytes, 4-aligned */
static u32 import_ret[2];   /* {ptr, len} written by the host for string-returning imports */

static struct str take_import_result(void) {
    return (struct str){ (const u8 *)import_ret[0], import_ret[1] };
}

/* ---- exports ------------------------------------------------------------------------------ */

#define CHECKSUM_SEED 0x0123456789ABCDEFull

EXPORT("run")
u32 *run(const u8 *name_ptr, u32 name_len) {
    struct str name = { name_ptr, name_len };

    struct str log_parts[3] = { LIT("greeter " HOST_VERSION " guest: run("), name, LIT(")") };
    struct str message = concat(log_parts, 3);
    host_log(message.ptr, message.len);

    host_greet(name.ptr, name.len, import_ret);
    struct str greeting = take_import_result();

#if USES_0_2_1_FUNCTIONS
    host_shout(name.ptr, name.len, import_ret);
    struct str shouted = take_import_result();
    host_repeat(0x1F389u /* U+1F389 PARTY POPPER, 4 bytes in UTF-8 */, 3, import_ret);
    struct str repeated = take_import_result();
#endif

    struct str sum = hex_u64(host_checksum(name.ptr, name.len, CHECKSUM_SEED));

#if USES_0_2_1_FUNCTIONS
    struct str parts[] = { greeting, LIT(" "), shouted, LIT(" "), repeated,
                           LIT(" [checksum "), sum, LIT("]") };
#else
    struct str parts[] = { greeting, LIT(" [checksum "), sum, LIT("]") };
#endif
    struct str result = concat(parts, sizeof(parts) / sizeof(parts[0]));

    ret_area[0] = (u32)result.ptr;
    ret_area[1] = result.len;
    return ret_area;
}

EXPORT("cabi_post_run")
void cabi_post_run(u32 *retptr) {
    (void)retptr;
    /* Everything run used (its argument, host-allocated results, its own strings) lives in the
       arena, and nothing survives the call: release it all. */
    arena_used = 0;
}

static const u8 fingerprint_data[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

EXPORT("fingerprint")
u64 fingerprint(u64 seed) {
    return host_checksum(fingerprint_data, sizeof(fingerprint_data), seed) ^ 0xFFFFFFFF00000000ull;
}
