/*
 * kv.c - a component guest of the world `kv`: it drives the host resource `bucket` of example:kv/store@1.0.0
 * through every kind of import (constructor, methods, a static function, free functions, resource.drop) and
 * exports `run: func() -> string`, a one-line report of what the host answered.
 *
 * No libc (wasm32-unknown-unknown). The structs below mirror the Canonical ABI layouts of the results the host
 * writes at the trailing return pointer; _Static_asserts pin their sizes and offsets.
 */

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define IMPORT(name) __attribute__((import_module("example:kv/store@1.0.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))
#define OFFSET(type, field) __builtin_offsetof(type, field)

struct bytes { const u8 *ptr; u32 len; };

/* result<option<list<u8>>, error-code> */
struct get_result { u8 is_err; u8 pad[3]; union { struct { u8 is_some; u8 pad[3]; struct bytes value; } ok; u8 err; } u; };
_Static_assert(sizeof(struct get_result) == 16 && OFFSET(struct get_result, u) == 4, "get result layout");

/* result<u64, error-code> */
struct set_result { u8 is_err; u8 pad[7]; union { u64 ok; u8 err; } u; };
_Static_assert(sizeof(struct set_result) == 16 && OFFSET(struct set_result, u) == 8, "set result layout");

/* result<u32, error-code> */
struct copy_result { u8 is_err; u8 pad[3]; union { u32 ok; u8 err; } u; };
_Static_assert(sizeof(struct copy_result) == 8, "copy result layout");

struct entry { struct bytes key; struct bytes value; u64 version; };
_Static_assert(sizeof(struct entry) == 24 && OFFSET(struct entry, version) == 16, "entry layout");

struct stats {
    struct bytes name; u32 count; u32 pad; u64 total_bytes;
    u8 has_largest; u8 pad2[7]; struct entry largest;
    u8 permissions; u8 pad3[7];
};
_Static_assert(sizeof(struct stats) == 64 && OFFSET(struct stats, largest) == 32
        && OFFSET(struct stats, permissions) == 56, "stats layout");

struct list { const void *ptr; u32 len; };

enum { READ = 1, WRITE = 2, ADMIN = 4 };
enum { QUERY_ALL = 0, QUERY_PREFIX = 1, QUERY_NEWER_THAN = 2, QUERY_KEYS = 3 };

IMPORT("[constructor]bucket") u32 bucket_new(const u8 *name, u32 name_len, u32 permissions);
IMPORT("[method]bucket.get") void bucket_get(u32 self, const u8 *key, u32 key_len, struct get_result *ret);
IMPORT("[method]bucket.set") void bucket_set(u32 self, const u8 *key, u32 key_len, const u8 *value, u32 value_len,
        struct set_result *ret);
IMPORT("[method]bucket.entries") void bucket_entries(u32 self, u32 disc, u64 payload0, u32 payload1,
        struct list *ret);
IMPORT("[method]bucket.stats") void bucket_stats(u32 self, struct stats *ret);
IMPORT("[static]bucket.open-read-only") u32 bucket_open_read_only(const u8 *name, u32 name_len);
IMPORT("[resource-drop]bucket") void bucket_drop(u32 handle);
IMPORT("copy-all") void copy_all(u32 source, u32 target, struct copy_result *ret);
IMPORT("merge") u32 merge(u32 target, u32 source);
IMPORT("count-all") void count_all(const u32 *buckets, u32 count, struct list *ret);

/* A bump allocator over a static arena; cabi_post_run releases everything a call used. */
#define ARENA_SIZE 65536u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;

__attribute__((no_builtin)) static void copy(u8 *dst, const u8 *src, u32 n) {
    for (u32 i = 0; i < n; i++) dst[i] = src[i];
}

static void *alloc(u32 align, u32 size) {
    if (align == 0 || (align & (align - 1)) != 0) __builtin_trap();
    u32 base = (u32)arena;
    u32 start = (base + arena_used + align - 1) & ~(align - 1);
    u32 offset = start - base;
    if (offset > ARENA_SIZE || size > ARENA_SIZE - offset) __builtin_trap();
    arena_used = offset + size;
    return (void *)start;
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, u32 old_size, u32 align, u32 new_size) {
    void *fresh = alloc(align, new_size);
    if (old != 0) copy(fresh, old, old_size < new_size ? old_size : new_size);
    return fresh;
}

/* The report: appended to a fixed buffer, returned by run. */
static u8 report[1024];
static u32 report_len;

static void say(const char *text) {
    while (*text && report_len < sizeof(report)) report[report_len++] = (u8)*text++;
}

static void say_number(u64 n) {
    char digits[21];
    int i = 20;
    digits[i] = 0;
    do { digits[--i] = (char)('0' + n % 10); n /= 10; } while (n != 0);
    say(digits + i);
}

#define S(text) (const u8 *)(text), (u32)(sizeof(text) - 1)

static u32 run_ret[2];

EXPORT("run")
u32 *run(void) {
    report_len = 0;
    u32 fruit = bucket_new(S("fruit"), READ | WRITE);

    struct set_result set;
    bucket_set(fruit, S("apple"), S("red"), &set);
    say("set="); if (set.is_err) { say("err"); say_number(set.u.err); } else say_number(set.u.ok);
    bucket_set(fruit, S("cherry"), S("dark red"), &set);

    struct get_result got;
    bucket_get(fruit, S("apple"), &got);
    say(" get=");
    if (got.is_err) { say("err"); say_number(got.u.err); }
    else if (!got.u.ok.is_some) say("none");
    else say_number(got.u.ok.value.len);

    struct list listed;
    bucket_entries(fruit, QUERY_PREFIX, (u64)(u32)"ch", 2, &listed);
    say(" entries="); say_number(listed.len);

    struct stats stats;
    bucket_stats(fruit, &stats);
    say(" count="); say_number(stats.count);
    say(" largest="); say_number(stats.has_largest ? stats.largest.value.len : 0);
    say(" permissions="); say_number(stats.permissions);

    u32 archive = bucket_open_read_only(S("archive"));
    bucket_set(archive, S("x"), S("y"), &set);
    say(" read-only-set="); say(set.is_err ? "err" : "ok");

    u32 copy_target = bucket_new(S("copy"), READ | WRITE | ADMIN);
    struct copy_result copied;
    copy_all(fruit, copy_target, &copied);
    say(" copied="); say_number(copied.is_err ? 0 : copied.u.ok);

    u32 both[2] = { fruit, copy_target };
    struct list counts;
    count_all(both, 2, &counts);
    say(" counts="); say_number(counts.len);

    say(" merged="); say_number(merge(fruit, copy_target)); /* moves copy_target to the host */
    bucket_drop(archive);
    bucket_drop(fruit);

    run_ret[0] = (u32)report;
    run_ret[1] = report_len;
    return run_ret;
}

EXPORT("cabi_post_run")
void cabi_post_run(u32 *ret) {
    (void)ret;
    arena_used = 0;
}
