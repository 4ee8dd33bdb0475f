/*
 * kv.c - the well-behaved sample guest for the example:kv/store@1.0.0 host interface (world kv-guest).
 *
 * Built without libc for wasm32-unknown-unknown; see build.sh. Exercises every kind of value the
 * interface uses (records, variants, enums, flags, options, results, lists of records, strings,
 * list<u8>, own and borrow handles, lists of borrows, resource.drop) and reports each operation
 * as one line of text, which run returns.
 *
 * Imports (module "example:kv/store@1.0.0", Canonical ABI flattened core signatures):
 *   [constructor]bucket           (name_ptr i32, name_len i32, permissions i32) -> i32 (own handle)
 *   [method]bucket.get            (self i32, key_ptr i32, key_len i32, retptr i32)
 *   [method]bucket.set            (self i32, key_ptr i32, key_len i32, val_ptr i32, val_len i32, retptr i32)
 *   [method]bucket.entries        (self i32, q_disc i32, q_payload0 i64, q_payload1 i32, retptr i32)
 *   [method]bucket.stats          (self i32, retptr i32)
 *   [static]bucket.open-read-only (name_ptr i32, name_len i32) -> i32 (own handle)
 *   [resource-drop]bucket         (handle i32)
 *   copy-all                      (source i32, target i32, retptr i32)
 *   merge                         (target i32, source i32) -> i32
 *   count-all                     (list_ptr i32, list_len i32, retptr i32)
 *
 * Exports:
 *   memory
 *   cabi_realloc(old_ptr i32, old_size i32, align i32, new_size i32) -> i32
 *   run() -> i32                  ; run: func() -> string (pointer to a static {ptr, len})
 *   cabi_post_run(retptr i32)     ; post-return for run: releases the arena
 *
 * The text contains no addresses or handle numbers, so it depends only on the host's behaviour.
 */

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef u32 handle; /* an index into the guest's handle table (own or borrow, by context) */

#define HOST_MODULE "example:kv/store@1.0.0"
#define IMPORT(name) __attribute__((import_module(HOST_MODULE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

#define offsetof(t, f) __builtin_offsetof(t, f)

/* ---- Canonical ABI layouts (wasm32) ------------------------------------------------------- */

/* string / list<u8>: {ptr, len}, size 8 align 4 */
struct str { const u8 *ptr; u32 len; };
_Static_assert(sizeof(struct str) == 8 && _Alignof(struct str) == 4, "string layout");
_Static_assert(offsetof(struct str, ptr) == 0 && offsetof(struct str, len) == 4, "string layout");

/* error-code: enum, u8 */
enum { ERR_NOT_FOUND = 0, ERR_READ_ONLY = 1, ERR_TOO_LARGE = 2 };

/* permissions: flags, u8 */
enum { PERM_READ = 1u << 0, PERM_WRITE = 1u << 1, PERM_ADMIN = 1u << 2 };

/* option<list<u8>>: u8 disc @0, list @4; size 12 align 4 */
struct option_bytes { u8 is_some; struct str value; };
_Static_assert(offsetof(struct option_bytes, is_some) == 0, "option<list<u8>> layout");
_Static_assert(offsetof(struct option_bytes, value) == 4, "option<list<u8>> layout");
_Static_assert(sizeof(struct option_bytes) == 12 && _Alignof(struct option_bytes) == 4, "option<list<u8>> layout");

/* result<option<list<u8>>, error-code>: u8 disc @0, payload @4; size 16 align 4 */
struct get_result { u8 is_err; union { struct option_bytes ok; u8 err; } val; };
_Static_assert(offsetof(struct get_result, is_err) == 0, "get result layout");
_Static_assert(offsetof(struct get_result, val) == 4, "get result layout");
_Static_assert(offsetof(struct get_result, val.ok.is_some) == 4, "get result layout");
_Static_assert(offsetof(struct get_result, val.ok.value.ptr) == 8, "get result layout");
_Static_assert(offsetof(struct get_result, val.ok.value.len) == 12, "get result layout");
_Static_assert(offsetof(struct get_result, val.err) == 4, "get result layout");
_Static_assert(sizeof(struct get_result) == 16 && _Alignof(struct get_result) == 4, "get result layout");

/* result<u64, error-code>: u8 disc @0, payload @8; size 16 align 8 */
struct set_result { u8 is_err; union { u64 ok; u8 err; } val; };
_Static_assert(offsetof(struct set_result, is_err) == 0, "set result layout");
_Static_assert(offsetof(struct set_result, val.ok) == 8, "set result layout");
_Static_assert(offsetof(struct set_result, val.err) == 8, "set result layout");
_Static_assert(sizeof(struct set_result) == 16 && _Alignof(struct set_result) == 8, "set result layout");

/* record entry { key: string @0, value: list<u8> @8, version: u64 @16 }; size 24 align 8 */
struct entry { struct str key; struct str value; u64 version; };
_Static_assert(offsetof(struct entry, key) == 0, "entry layout");
_Static_assert(offsetof(struct entry, value) == 8, "entry layout");
_Static_assert(offsetof(struct entry, version) == 16, "entry layout");
_Static_assert(sizeof(struct entry) == 24 && _Alignof(struct entry) == 8, "entry layout");

/* list<entry>: {ptr, len}, size 8 align 4 (the elements are 8-aligned) */
struct entry_list { const struct entry *ptr; u32 len; };
_Static_assert(offsetof(struct entry_list, ptr) == 0 && offsetof(struct entry_list, len) == 4, "list<entry> layout");
_Static_assert(sizeof(struct entry_list) == 8 && _Alignof(struct entry_list) == 4, "list<entry> layout");

/* option<entry>: u8 disc @0, entry @8; size 32 align 8 */
struct option_entry { u8 is_some; struct entry value; };
_Static_assert(offsetof(struct option_entry, value) == 8, "option<entry> layout");
_Static_assert(sizeof(struct option_entry) == 32 && _Alignof(struct option_entry) == 8, "option<entry> layout");

/* record stats { name @0, count @8, total-bytes @16, largest @24 (entry @32), permissions @56 }; size 64 align 8 */
struct stats { struct str name; u32 count; u64 total_bytes; struct option_entry largest; u8 permissions; };
_Static_assert(offsetof(struct stats, name) == 0, "stats layout");
_Static_assert(offsetof(struct stats, count) == 8, "stats layout");
_Static_assert(offsetof(struct stats, total_bytes) == 16, "stats layout");
_Static_assert(offsetof(struct stats, largest) == 24, "stats layout");
_Static_assert(offsetof(struct stats, largest.is_some) == 24, "stats layout");
_Static_assert(offsetof(struct stats, largest.value) == 32, "stats layout");
_Static_assert(offsetof(struct stats, largest.value.version) == 48, "stats layout");
_Static_assert(offsetof(struct stats, permissions) == 56, "stats layout");
_Static_assert(sizeof(struct stats) == 64 && _Alignof(struct stats) == 8, "stats layout");

/* result<u32, error-code>: u8 disc @0, payload @4; size 8 align 4 */
struct copy_result { u8 is_err; union { u32 ok; u8 err; } val; };
_Static_assert(offsetof(struct copy_result, val.ok) == 4, "copy-all result layout");
_Static_assert(offsetof(struct copy_result, val.err) == 4, "copy-all result layout");
_Static_assert(sizeof(struct copy_result) == 8 && _Alignof(struct copy_result) == 4, "copy-all result layout");

/* list<u32>: {ptr, len}, size 8 align 4 */
struct u32_list { const u32 *ptr; u32 len; };
_Static_assert(offsetof(struct u32_list, ptr) == 0 && offsetof(struct u32_list, len) == 4, "list<u32> layout");
_Static_assert(sizeof(struct u32_list) == 8 && _Alignof(struct u32_list) == 4, "list<u32> layout");

/* variant query { all, prefix(string), newer-than(u64), keys(list<string>) } flattens to [i32, i64, i32] */
enum { Q_ALL = 0, Q_PREFIX = 1, Q_NEWER_THAN = 2, Q_KEYS = 3 };

/* ---- imports ------------------------------------------------------------------------------ */

IMPORT("[constructor]bucket")
handle bucket_new(const u8 *name_ptr, u32 name_len, u32 permissions);
IMPORT("[method]bucket.get")
void bucket_get(handle self, const u8 *key_ptr, u32 key_len, struct get_result *ret);
IMPORT("[method]bucket.set")
void bucket_set(handle self, const u8 *key_ptr, u32 key_len, const u8 *val_ptr, u32 val_len,
                struct set_result *ret);
IMPORT("[method]bucket.entries")
void bucket_entries(handle self, u32 q_disc, u64 q_payload0, u32 q_payload1, struct entry_list *ret);
IMPORT("[method]bucket.stats")
void bucket_stats(handle self, struct stats *ret);
IMPORT("[static]bucket.open-read-only")
handle bucket_open_read_only(const u8 *name_ptr, u32 name_len);
IMPORT("[resource-drop]bucket")
void bucket_drop(handle h);
IMPORT("copy-all")
void copy_all(handle source, handle target, struct copy_result *ret);
IMPORT("merge")
u32 merge(handle target, handle source);
IMPORT("count-all")
void count_all(const handle *list_ptr, u32 list_len, struct u32_list *ret);

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

/* ---- output text (a static buffer, separate from the arena) ------------------------------- */

#define OUT_SIZE 4096u
static u8 out[OUT_SIZE];
static u32 out_len;

static void put_bytes(const u8 *p, u32 n) {
    if (n > OUT_SIZE - out_len) __builtin_trap();      /* report too long: cannot happen here */
    copy_bytes(out + out_len, p, n);
    out_len += n;
}

static void put_char(u8 c) { put_bytes(&c, 1); }

static u32 c_len(const char *s) { u32 n = 0; while (s[n]) n++; return n; }

static void put(const char *s) { put_bytes((const u8 *)s, c_len(s)); }

static void put_str(struct str s) { put_bytes(s.ptr, s.len); }

static void put_u64(u64 v) {
    u8 digits[20];
    u32 n = 0;
    do { digits[n++] = (u8)('0' + v % 10); v /= 10; } while (v != 0);
    while (n > 0) put_char(digits[--n]);
}

static void put_hex_byte(u8 b) {
    static const char hex[16] = "0123456789abcdef";
    put_char((u8)hex[b >> 4]);
    put_char((u8)hex[b & 0xF]);
}

/* Bytes as a double-quoted string: printable ASCII as is, '"' and '\' escaped, others as \xNN. */
static void put_quoted(struct str s) {
    put_char('"');
    for (u32 i = 0; i < s.len; i++) {
        u8 c = s.ptr[i];
        if (c == '"' || c == '\\') { put_char('\\'); put_char(c); }
        else if (c >= 0x20 && c <= 0x7E) put_char(c);
        else { put("\\x"); put_hex_byte(c); }
    }
    put_char('"');
}

static void put_error_code(u8 code) {
    switch (code) {
    case ERR_NOT_FOUND: put("not-found"); break;
    case ERR_READ_ONLY: put("read-only"); break;
    case ERR_TOO_LARGE: put("too-large"); break;
    default: put("unknown-error-code-"); put_u64(code); break;
    }
}

/* Flags as label|label, "none" when empty; bits beyond the three labels as |0xNN. */
static void put_permissions(u32 bits) {
    static const char *const labels[3] = { "read", "write", "admin" };
    u32 first = 1;
    if (bits == 0) { put("none"); return; }
    for (u32 i = 0; i < 3; i++) {
        if (bits & (1u << i)) {
            if (!first) put_char('|');
            put(labels[i]);
            first = 0;
        }
    }
    if (bits & ~7u) {
        if (!first) put_char('|');
        put("0x"); put_hex_byte((u8)(bits & ~7u));
    }
}

static void put_handle_result(handle h) {
    if (h != 0) put(" -> ok\n");
    else put(" -> invalid handle 0\n");
}

/* entry as key="value" vN */
static void put_entry(const struct entry *e) {
    put_str(e->key);
    put_char('=');
    put_quoted(e->value);
    put(" v");
    put_u64(e->version);
}

static void put_entries(const struct entry_list *l) {
    put_char('[');
    for (u32 i = 0; i < l->len; i++) {
        if (i) put(", ");
        put_entry(&l->ptr[i]);
    }
    put("]\n");
}

#define LIT(s) ((struct str){ (const u8 *)(s), sizeof(s) - 1 })

/* ---- the steps ---------------------------------------------------------------------------- */

/* Result areas the host writes through retptr; each has the alignment its type needs. */
static struct get_result get_ret;
static struct set_result set_ret;
static struct entry_list entries_ret;
static struct stats stats_ret;
static struct copy_result copy_ret;
static struct u32_list count_ret;

static void do_set(handle b, const char *bucket_name, struct str key, struct str value) {
    bucket_set(b, key.ptr, key.len, value.ptr, value.len, &set_ret);
    put(bucket_name); put(".set("); put_quoted(key); put(", "); put_quoted(value); put(") -> ");
    if (set_ret.is_err == 0) { put("ok("); put_u64(set_ret.val.ok); put(")\n"); }
    else if (set_ret.is_err == 1) { put("err("); put_error_code(set_ret.val.err); put(")\n"); }
    else { put("invalid result discriminant\n"); }
}

static void do_get(handle b, const char *bucket_name, struct str key) {
    bucket_get(b, key.ptr, key.len, &get_ret);
    put(bucket_name); put(".get("); put_quoted(key); put(") -> ");
    if (get_ret.is_err == 0) {
        if (get_ret.val.ok.is_some == 0) put("ok(none)\n");
        else if (get_ret.val.ok.is_some == 1) {
            put("ok(some("); put_quoted(get_ret.val.ok.value); put("))\n");
        } else put("ok(invalid option discriminant)\n");
    } else if (get_ret.is_err == 1) {
        put("err("); put_error_code(get_ret.val.err); put(")\n");
    } else put("invalid result discriminant\n");
}

static void do_entries(handle b, const char *bucket_name, const char *query_text,
                       u32 disc, u64 payload0, u32 payload1) {
    bucket_entries(b, disc, payload0, payload1, &entries_ret);
    put(bucket_name); put(".entries("); put(query_text); put(") -> ");
    put_entries(&entries_ret);
}

static const u8 v_red[] = { 'r', 'e', 'd' };
static const u8 v_yellow[] = { 'y', 'e', 'l', 'l', 'o', 'w' };
static const u8 v_dark_red[] = { 'd', 'a', 'r', 'k', ' ', 'r', 'e', 'd' };
static const u8 v_y[] = { 'y' };

/* list<string> ["cherry", "apple"]: {ptr, len} pairs, 4-aligned */
static const struct str wanted_keys[2] = { LIT("cherry"), LIT("apple") };

static u32 ret_area[2]; /* {ptr, len} returned by run; 8 bytes, 4-aligned */

EXPORT("run")
u32 *run(void) {
    out_len = 0;

    /* 1. a read-write bucket with three entries */
    struct str fruit = LIT("fruit");
    handle b = bucket_new(fruit.ptr, fruit.len, PERM_READ | PERM_WRITE);
    put("bucket("); put_quoted(fruit); put(", "); put_permissions(PERM_READ | PERM_WRITE); put(")");
    put_handle_result(b);
    do_set(b, "fruit", LIT("apple"), (struct str){ v_red, sizeof(v_red) });
    do_set(b, "fruit", LIT("banana"), (struct str){ v_yellow, sizeof(v_yellow) });
    do_set(b, "fruit", LIT("cherry"), (struct str){ v_dark_red, sizeof(v_dark_red) });

    /* 2. lookups: present and absent */
    do_get(b, "fruit", LIT("apple"));
    do_get(b, "fruit", LIT("durian"));

    /* 3. every case of the query variant */
    do_entries(b, "fruit", "all", Q_ALL, 0, 0);
    struct str prefix = LIT("b");
    do_entries(b, "fruit", "prefix(\"b\")", Q_PREFIX, (u64)(u32)prefix.ptr, prefix.len);
    do_entries(b, "fruit", "newer-than(1)", Q_NEWER_THAN, 1, 0);
    do_entries(b, "fruit", "keys([\"cherry\", \"apple\"])", Q_KEYS, (u64)(u32)wanted_keys,
               sizeof(wanted_keys) / sizeof(wanted_keys[0]));

    /* 4. stats */
    bucket_stats(b, &stats_ret);
    put("fruit.stats() -> name="); put_quoted(stats_ret.name);
    put(" count="); put_u64(stats_ret.count);
    put(" total-bytes="); put_u64(stats_ret.total_bytes);
    put(" largest=");
    if (stats_ret.largest.is_some == 0) put("none");
    else if (stats_ret.largest.is_some == 1) put_str(stats_ret.largest.value.key);
    else put("invalid option discriminant");
    put(" permissions="); put_permissions(stats_ret.permissions);
    put_char('\n');

    /* 5. a read-only bucket from the static function: writing fails */
    struct str archive = LIT("archive");
    handle ro = bucket_open_read_only(archive.ptr, archive.len);
    put("bucket.open-read-only("); put_quoted(archive); put(")");
    put_handle_result(ro);
    do_set(ro, "archive", LIT("x"), (struct str){ v_y, sizeof(v_y) });

    /* 6. two borrows in one call, and a list of borrows */
    struct str copy_name = LIT("copy");
    handle copy = bucket_new(copy_name.ptr, copy_name.len, PERM_READ | PERM_WRITE | PERM_ADMIN);
    put("bucket("); put_quoted(copy_name); put(", ");
    put_permissions(PERM_READ | PERM_WRITE | PERM_ADMIN); put(")");
    put_handle_result(copy);

    copy_all(b, copy, &copy_ret);
    put("copy-all(fruit, copy) -> ");
    if (copy_ret.is_err == 0) { put("ok("); put_u64(copy_ret.val.ok); put(")\n"); }
    else if (copy_ret.is_err == 1) { put("err("); put_error_code(copy_ret.val.err); put(")\n"); }
    else put("invalid result discriminant\n");

    static handle counted[3];
    counted[0] = b; counted[1] = copy; counted[2] = ro;
    count_all(counted, 3, &count_ret);
    put("count-all([fruit, copy, archive]) -> [");
    for (u32 i = 0; i < count_ret.len; i++) {
        if (i) put(", ");
        put_u64(count_ret.ptr[i]);
    }
    put("]\n");

    /* 7. merge: b (own) moves to the host; it must not be used or dropped here afterwards */
    u32 merged = merge(copy, b);
    put("merge(copy, fruit) -> "); put_u64(merged); put_char('\n');

    /* 8. drop the handles still owned */
    bucket_drop(ro);
    put("drop archive\n");
    bucket_drop(copy);
    put("drop copy\n");

    ret_area[0] = (u32)out;
    ret_area[1] = out_len;
    return ret_area;
}

EXPORT("cabi_post_run")
void cabi_post_run(u32 *retptr) {
    (void)retptr;
    /* Everything the host allocated during run lives in the arena and nothing survives the
       call; the result text lives in the static output buffer, reset by the next run. */
    arena_used = 0;
}
