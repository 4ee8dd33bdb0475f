/*
 * kv-misbehaving.c - a guest that breaks the Canonical ABI rules for handles, variants, flags and
 * lists of the example:kv/store@1.0.0 interface on purpose, one way per export.
 *
 * Imports example:kv/store@1.0.0 ([constructor]bucket, [method]bucket.get, [method]bucket.set,
 * [method]bucket.entries, [method]bucket.stats, [resource-drop]bucket, merge, count-all). Every export
 * below takes no arguments (core type () -> i32) and does exactly ONE bad thing; it returns 0 if
 * the host let the bad call through. A correct host traps instead, and the instance must stay
 * usable afterwards: "ok" is the control that must still work (it returns 1).
 *
 * Export                     What is wrong                                               Expected
 * ok                         nothing: bucket("ok", read|write), set("k","v"), drop       returns 1
 * use-after-drop             get on a handle this guest already dropped                  trap
 * never-issued               get on handle 12345 (never issued)                          trap
 * handle-zero                stats on handle 0 (slot 0 is reserved)                      trap
 * drop-twice                 [resource-drop]bucket twice on the same handle              trap (2nd drop)
 * lend-and-move              merge(b, b): b borrowed and moved in one call               trap (own lift)
 * stale-handle-after-merge   merge(c, b) (fine), then get(b): b now belongs to the host  trap (get)
 * bad-query-discriminant     entries with query discriminant 7 (4 cases)                 trap
 * flags-extra-bits-ignored   bucket("x", 0xF9): bits 3..7 are not declared flags         NO trap: returns 1
 * bad-utf8-in-list           entries(keys(["a", bytes C3 28]))                           trap
 * keys-out-of-bounds         entries(keys(ptr = memory size - 8, count 4))               trap
 * keys-misaligned            entries(keys(ptr = 8-aligned buffer + 2, count 1))          trap
 * count-all-bad-handle       count-all([valid handle, 999])                              trap
 * retptr-misaligned-set      set("k","v") with retptr = 8-aligned buffer + 4             trap
 *
 * Handles created before the bad call are leaked on purpose when the host traps (the guest never
 * regains control); a host that keeps the instance usable must still let "ok" work.
 */

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef u32 handle;

#define HOST_MODULE "example:kv/store@1.0.0"
#define IMPORT(name) __attribute__((import_module(HOST_MODULE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

#define offsetof(t, f) __builtin_offsetof(t, f)
#define ADDR(x) ((u32)(x))

/* ---- Canonical ABI layouts (wasm32) ------------------------------------------------------- */

/* string / list<u8>: {ptr, len}, size 8 align 4 (also the element of list<string>) */
struct str { u32 ptr; u32 len; };
_Static_assert(offsetof(struct str, ptr) == 0 && offsetof(struct str, len) == 4, "string layout");
_Static_assert(sizeof(struct str) == 8 && _Alignof(struct str) == 4, "string layout");

/* result<option<list<u8>>, error-code>: u8 disc @0; ok: u8 option disc @4, list @8; err u8 @4 */
struct get_result { u8 is_err; union { struct { u8 is_some; struct str value; } ok; u8 err; } val; };
_Static_assert(offsetof(struct get_result, val.ok.is_some) == 4, "get result layout");
_Static_assert(offsetof(struct get_result, val.ok.value) == 8, "get result layout");
_Static_assert(offsetof(struct get_result, val.err) == 4, "get result layout");
_Static_assert(sizeof(struct get_result) == 16 && _Alignof(struct get_result) == 4, "get result layout");

/* result<u64, error-code>: u8 disc @0, payload @8; size 16 align 8 */
struct set_result { u8 is_err; union { u64 ok; u8 err; } val; };
_Static_assert(offsetof(struct set_result, val.ok) == 8, "set result layout");
_Static_assert(offsetof(struct set_result, val.err) == 8, "set result layout");
_Static_assert(sizeof(struct set_result) == 16 && _Alignof(struct set_result) == 8, "set result layout");

/* record entry { key @0, value @8, version u64 @16 }; size 24 align 8 */
struct entry { struct str key; struct str value; u64 version; };
_Static_assert(offsetof(struct entry, value) == 8 && offsetof(struct entry, version) == 16, "entry layout");
_Static_assert(sizeof(struct entry) == 24 && _Alignof(struct entry) == 8, "entry layout");

/* list<entry> / list<u32>: {ptr, len}, size 8 align 4 */
struct list { u32 ptr; u32 len; };
_Static_assert(offsetof(struct list, len) == 4 && sizeof(struct list) == 8 && _Alignof(struct list) == 4, "list layout");

/* record stats: name @0, count @8, total-bytes @16, largest @24 (entry @32), permissions @56; size 64 align 8 */
struct stats {
    struct str name; u32 count; u64 total_bytes;
    struct { u8 is_some; struct entry value; } largest;
    u8 permissions;
};
_Static_assert(offsetof(struct stats, count) == 8, "stats layout");
_Static_assert(offsetof(struct stats, total_bytes) == 16, "stats layout");
_Static_assert(offsetof(struct stats, largest) == 24, "stats layout");
_Static_assert(offsetof(struct stats, largest.value) == 32, "stats layout");
_Static_assert(offsetof(struct stats, permissions) == 56, "stats layout");
_Static_assert(sizeof(struct stats) == 64 && _Alignof(struct stats) == 8, "stats layout");

enum { PERM_READ = 1u << 0, PERM_WRITE = 1u << 1, PERM_ADMIN = 1u << 2 };
enum { Q_ALL = 0, Q_PREFIX = 1, Q_NEWER_THAN = 2, Q_KEYS = 3 };

/* ---- imports (pointers passed as plain i32 addresses, so bad ones can be made up) --------- */

IMPORT("[constructor]bucket")
handle bucket_new(u32 name_ptr, u32 name_len, u32 permissions);
IMPORT("[method]bucket.get")
void bucket_get(handle self, u32 key_ptr, u32 key_len, u32 retptr);
IMPORT("[method]bucket.set")
void bucket_set(handle self, u32 key_ptr, u32 key_len, u32 val_ptr, u32 val_len, u32 retptr);
IMPORT("[method]bucket.entries")
void bucket_entries(handle self, u32 q_disc, u64 q_payload0, u32 q_payload1, u32 retptr);
IMPORT("[method]bucket.stats")
void bucket_stats(handle self, u32 retptr);
IMPORT("[resource-drop]bucket")
void bucket_drop(handle h);
IMPORT("merge")
u32 merge(handle target, handle source);
IMPORT("count-all")
void count_all(u32 list_ptr, u32 list_len, u32 retptr);

/* ---- bump allocator, so the well-formed parts of the calls (list results) can succeed ------ */

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

static const u8 name_ok[2] = { 'o', 'k' };
static const u8 name_b[1] = { 'b' };
static const u8 name_c[1] = { 'c' };
static const u8 name_x[1] = { 'x' };
static const u8 key_k[1] = { 'k' };
static const u8 value_v[1] = { 'v' };
static const u8 key_a[1] = { 'a' };
static const u8 invalid_utf8[2] = { 0xC3, 0x28 }; /* lead byte of a 2-byte sequence, then '(' */

/* Valid, 8-aligned result area, big enough for every result type (stats: 64 bytes) and for a
   misaligned pointer into it to stay inside. */
static u8 ret_area[80] __attribute__((aligned(8)));
/* Buffer for list<string> elements built at run time. */
static u8 list_area[32] __attribute__((aligned(8)));
static handle handle_list[2];

static handle new_bucket(const u8 *name, u32 len) {
    return bucket_new(ADDR(name), len, PERM_READ | PERM_WRITE);
}

/* Little-endian u32 store through a volatile byte pointer: works at any alignment. */
static void store_u32_bytes(u32 addr, u32 v) {
    volatile u8 *p = (volatile u8 *)addr;
    for (u32 i = 0; i < 4; i++) p[i] = (u8)(v >> (8 * i));
}

/* ---- exports ------------------------------------------------------------------------------ */

EXPORT("ok")
u32 ok(void) {
    arena_used = 0;
    handle b = new_bucket(name_ok, sizeof(name_ok));
    bucket_set(b, ADDR(key_k), sizeof(key_k), ADDR(value_v), sizeof(value_v), ADDR(ret_area));
    u32 set_ok = ((struct set_result *)ret_area)->is_err == 0;
    bucket_drop(b);
    return set_ok ? 1 : 0;
}

EXPORT("use-after-drop")
u32 use_after_drop(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    bucket_drop(b);
    bucket_get(b, ADDR(key_k), sizeof(key_k), ADDR(ret_area));
    return 0;
}

EXPORT("never-issued")
u32 never_issued(void) {
    arena_used = 0;
    bucket_get(12345u, ADDR(key_k), sizeof(key_k), ADDR(ret_area));
    return 0;
}

EXPORT("handle-zero")
u32 handle_zero(void) {
    arena_used = 0;
    bucket_stats(0, ADDR(ret_area));
    return 0;
}

EXPORT("drop-twice")
u32 drop_twice(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    bucket_drop(b);
    bucket_drop(b);
    return 0;
}

EXPORT("lend-and-move")
u32 lend_and_move(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    (void)merge(b, b);
    return 0;
}

EXPORT("stale-handle-after-merge")
u32 stale_handle_after_merge(void) {
    arena_used = 0;
    handle c = new_bucket(name_c, sizeof(name_c));
    handle b = new_bucket(name_b, sizeof(name_b));
    (void)merge(c, b);                      /* legal: b's ownership moves to the host */
    bucket_get(b, ADDR(key_k), sizeof(key_k), ADDR(ret_area)); /* b's slot is empty now */
    return 0;
}

EXPORT("bad-query-discriminant")
u32 bad_query_discriminant(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    bucket_entries(b, 7, 0, 0, ADDR(ret_area));
    return 0;
}

EXPORT("flags-extra-bits-ignored")
u32 flags_extra_bits_ignored(void) {
    arena_used = 0;
    /* Bits 3..7 name no flag: lifting ignores them (spec: unpack_flags_from_int reads only the
       declared labels), so this is NOT a trap. */
    handle b = bucket_new(ADDR(name_x), sizeof(name_x), 0xF8u | PERM_READ);
    if (b == 0) return 0;
    bucket_drop(b);
    return 1;
}

EXPORT("bad-utf8-in-list")
u32 bad_utf8_in_list(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    struct str *keys = (struct str *)list_area;
    keys[0] = (struct str){ ADDR(key_a), sizeof(key_a) };
    keys[1] = (struct str){ ADDR(invalid_utf8), sizeof(invalid_utf8) };
    bucket_entries(b, Q_KEYS, (u64)ADDR(keys), 2, ADDR(ret_area));
    return 0;
}

EXPORT("keys-out-of-bounds")
u32 keys_out_of_bounds(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    /* 4 elements of 8 bytes = 32 bytes from memory size - 8: the last 24 lie past the end. */
    bucket_entries(b, Q_KEYS, (u64)(memory_size_bytes() - 8), 4, ADDR(ret_area));
    return 0;
}

EXPORT("keys-misaligned")
u32 keys_misaligned(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    /* At list_area + 2 write one {ptr, len} element describing the valid string "a", so the only
       fault is the alignment of the list (list<string> elements need 4). */
    u32 at = ADDR(list_area) + 2;
    store_u32_bytes(at, ADDR(key_a));
    store_u32_bytes(at + 4, sizeof(key_a));
    bucket_entries(b, Q_KEYS, (u64)at, 1, ADDR(ret_area));
    return 0;
}

EXPORT("count-all-bad-handle")
u32 count_all_bad_handle(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    handle_list[0] = b;
    handle_list[1] = 999u;
    count_all(ADDR(handle_list), 2, ADDR(ret_area));
    return 0;
}

EXPORT("retptr-misaligned-set")
u32 retptr_misaligned_set(void) {
    arena_used = 0;
    handle b = new_bucket(name_b, sizeof(name_b));
    /* result<u64, error-code> needs an 8-aligned area; ret_area + 4 is only 4-aligned. */
    bucket_set(b, ADDR(key_k), sizeof(key_k), ADDR(value_v), sizeof(value_v), ADDR(ret_area) + 4);
    return 0;
}
