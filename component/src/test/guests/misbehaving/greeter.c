/*
 * greeter.c - misbehaving guests of the world `greeter` (wit/greeter.wit, example:greeter@0.2.0): each build breaks
 * one Canonical ABI rule at the boundary of a host import (the guest lowers bad arguments, or hands the host a bad
 * return pointer or a bad cabi_realloc answer) or of its lifted export `run` (bad results, a trap, a bad
 * post-return), so that a host's trap tests have one real component per trap class.
 *
 * No libc (wasm32-unknown-unknown). build.sh sets MISBEHAVIOR to one of the names below, and ENCODING (0 utf8,
 * 1 utf16) as `jco embed --string-encoding` declares it. Every build first logs "<name>: run" through the host
 * (a well-formed call, so a test sees that the guest ran), then misbehaves; if the host lets the misbehaviour
 * through, `run` returns "<name>: the host did not trap". IMPORT_EMPTY_STRING_AT_END is the one build that breaks
 * no rule: its log call is valid and `run` returns "import-empty-string-at-end: ok".
 */

/* The misbehaviours (build.sh passes one name; the values only tell them apart). */
#define IMPORT_STRING_INVALID_UTF8 1         /* log("abc" + a 3-byte sequence cut short) */
#define IMPORT_STRING_OUT_OF_BOUNDS 2        /* log(ptr = end of memory - 4, len = 16) */
#define IMPORT_STRING_LENGTH_WRAPS 3         /* log(ptr = 16, len = 0xfffffff8): ptr + len wraps to 8 in 32 bits */
#define IMPORT_EMPTY_STRING_AT_END 4         /* log(ptr = end of memory, len = 0): valid */
#define IMPORT_EMPTY_STRING_PAST_END 5       /* log(ptr = end of memory + 1, len = 0) */
#define IMPORT_LIST_OUT_OF_BOUNDS 6          /* checksum(ptr = end of memory - 4, len = 8, seed) */
#define IMPORT_RETURN_POINTER_MISALIGNED 7   /* greet(name, retptr = a 4-aligned address + 1) */
#define IMPORT_RETURN_POINTER_OUT_OF_BOUNDS 8 /* greet(name, retptr = end of memory - 4): 8 bytes needed */
#define REALLOC_OUT_OF_BOUNDS 9              /* during greet's result: cabi_realloc answers end of memory - 2 */
#define REALLOC_POINTER_WRAPS 10             /* during greet's result: cabi_realloc answers 0xfffffffc */
#define REALLOC_MISALIGNED 11                /* (utf16) during greet's result: an odd pointer for alignment 2 */
#define REALLOC_TRAPS 12                     /* during greet's result: cabi_realloc executes unreachable */
#define REALLOC_CALLS_HOST 13                /* during greet's result: cabi_realloc calls log */
#define EXPORT_TRAPS 14                      /* run executes unreachable */
#define EXPORT_STRING_INVALID_UTF8 15        /* run returns "bad " + 0xff */
#define EXPORT_STRING_UTF8_SURROGATE 16      /* run returns "bad " + ed a0 80 (U+D800 encoded) */
#define EXPORT_STRING_UTF8_OVERLONG 17       /* run returns "bad " + c0 af (an overlong '/') */
#define EXPORT_STRING_OUT_OF_BOUNDS 18       /* run returns {ptr = end of memory - 2, len = 10} */
#define EXPORT_RESULT_POINTER_MISALIGNED 19  /* run returns a 4-aligned address + 2, a valid {ptr, len} there */
#define EXPORT_RESULT_POINTER_OUT_OF_BOUNDS 20 /* run returns end of memory - 4: 8 bytes needed */
#define POST_RETURN_TRAPS 21                 /* cabi_post_run executes unreachable */
#define POST_RETURN_CALLS_HOST 22            /* cabi_post_run calls log */

#ifndef MISBEHAVIOR
#error "define MISBEHAVIOR"
#endif
#ifndef NAME
#error "define NAME, the fixture's name"
#endif
#ifndef ENCODING
#define ENCODING 0
#endif

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

#define HOST "example:greeter/host@0.2.0"
#define IMPORT(name) __attribute__((import_module(HOST), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

/* Canonical ABI core signatures of the imports (a string is ptr + length in code units). */
IMPORT("log") void host_log(const void *ptr, u32 len);
IMPORT("greet") void host_greet(const void *ptr, u32 len, u32 *ret);
IMPORT("checksum") u64 host_checksum(const u8 *ptr, u32 len, u64 seed);

#if ENCODING == 0
typedef u8 unit;
#else
typedef u16 unit;
#endif

/* The byte length of the linear memory: an address equal to it is one past the last byte. */
static u32 memory_end(void) { return (u32)__builtin_wasm_memory_size(0) * 65536u; }

/* A bump allocator over a static arena; cabi_post_run releases everything a call used. */
#define ARENA_SIZE 65536u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;
static int in_run;  /* set while run calls greet: the realloc misbehaviours act only then */

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

static u32 length_of(const char *s) {
    u32 n = 0;
    while (s[n] != 0) n++;
    return n;
}

/* An ASCII text in the guest's code units: as it is for utf8, widened into the arena for utf16. */
static const unit *units(const char *s, u32 n) {
#if ENCODING == 0
    (void)n;
    return (const unit *)s;
#else
    unit *wide = alloc(2, n * 2);
    for (u32 i = 0; i < n; i++) wide[i] = (unit)s[i];
    return wide;
#endif
}

static void log_text(const char *s) {
    u32 n = length_of(s);
    host_log(units(s, n), n);
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, u32 old_size, u32 align, u32 new_size) {
    if (in_run) {
#if MISBEHAVIOR == REALLOC_OUT_OF_BOUNDS
        return (void *)(memory_end() - 2);
#elif MISBEHAVIOR == REALLOC_POINTER_WRAPS
        return (void *)0xFFFFFFFCu;
#elif MISBEHAVIOR == REALLOC_MISALIGNED
        return (u8 *)alloc(align, new_size + 1) + 1;
#elif MISBEHAVIOR == REALLOC_TRAPS
        __builtin_trap();
#elif MISBEHAVIOR == REALLOC_CALLS_HOST
        log_text("cabi_realloc calls log");
#endif
    }
    void *fresh = alloc(align, new_size);
    if (old != 0) copy(fresh, old, old_size < new_size ? old_size : new_size);
    return fresh;
}

static u32 import_ret[2] __attribute__((aligned(8)));  /* {ptr, len} that the host writes for greet */
static u32 run_ret[2] __attribute__((aligned(8)));     /* {ptr, len} that run returns */

static u32 *result(const void *ptr, u32 len) {
    run_ret[0] = (u32)ptr;
    run_ret[1] = len;
    return run_ret;
}

static u32 *result_text(const char *s) {
    u32 n = length_of(s);
    return result(units(s, n), n);
}

#define NOT_TRAPPED NAME ": the host did not trap"

EXPORT("run")
u32 *run(const unit *name, u32 name_len) {
    log_text(NAME ": run");
#if MISBEHAVIOR == IMPORT_STRING_INVALID_UTF8
    static const u8 cut_short[] = { 'a', 'b', 'c', 0xE2, 0x82 };  /* U+20AC is e2 82 ac */
    host_log(cut_short, sizeof cut_short);
#elif MISBEHAVIOR == IMPORT_STRING_OUT_OF_BOUNDS
    host_log((const void *)(memory_end() - 4), 16);
#elif MISBEHAVIOR == IMPORT_STRING_LENGTH_WRAPS
    host_log((const void *)16, 0xFFFFFFF8u);
#elif MISBEHAVIOR == IMPORT_EMPTY_STRING_AT_END
    host_log((const void *)memory_end(), 0);
    return result_text(NAME ": ok");
#elif MISBEHAVIOR == IMPORT_EMPTY_STRING_PAST_END
    host_log((const void *)(memory_end() + 1), 0);
#elif MISBEHAVIOR == IMPORT_LIST_OUT_OF_BOUNDS
    host_checksum((const u8 *)(memory_end() - 4), 8, 0x0123456789ABCDEFull);
#elif MISBEHAVIOR == IMPORT_RETURN_POINTER_MISALIGNED
    host_greet(name, name_len, (u32 *)((u8 *)import_ret + 1));
#elif MISBEHAVIOR == IMPORT_RETURN_POINTER_OUT_OF_BOUNDS
    host_greet(name, name_len, (u32 *)(memory_end() - 4));
#elif MISBEHAVIOR >= REALLOC_OUT_OF_BOUNDS && MISBEHAVIOR <= REALLOC_CALLS_HOST
    in_run = 1;
    host_greet(name, name_len, import_ret);
    in_run = 0;
#elif MISBEHAVIOR == EXPORT_TRAPS
    __builtin_trap();
#elif MISBEHAVIOR == EXPORT_STRING_INVALID_UTF8
    static const u8 bad[] = { 'b', 'a', 'd', ' ', 0xFF };
    return result(bad, sizeof bad);
#elif MISBEHAVIOR == EXPORT_STRING_UTF8_SURROGATE
    static const u8 bad[] = { 'b', 'a', 'd', ' ', 0xED, 0xA0, 0x80 };
    return result(bad, sizeof bad);
#elif MISBEHAVIOR == EXPORT_STRING_UTF8_OVERLONG
    static const u8 bad[] = { 'b', 'a', 'd', ' ', 0xC0, 0xAF };
    return result(bad, sizeof bad);
#elif MISBEHAVIOR == EXPORT_STRING_OUT_OF_BOUNDS
    return result((const void *)(memory_end() - 2), 10);
#elif MISBEHAVIOR == EXPORT_RESULT_POINTER_MISALIGNED
    /* A well-formed {ptr, len} at an address 2 past a 4-aligned one: only the alignment check catches it. */
    static u8 misaligned[12] __attribute__((aligned(8)));
    u32 *pair = result_text(NOT_TRAPPED);
    copy(misaligned + 2, (const u8 *)pair, 8);
    return (u32 *)(misaligned + 2);
#elif MISBEHAVIOR == EXPORT_RESULT_POINTER_OUT_OF_BOUNDS
    return (u32 *)(memory_end() - 4);
#elif MISBEHAVIOR == POST_RETURN_TRAPS || MISBEHAVIOR == POST_RETURN_CALLS_HOST
    /* run itself is well-behaved; its post-return is not */
#else
#error "unknown MISBEHAVIOR"
#endif
    return result_text(NOT_TRAPPED);
}

EXPORT("cabi_post_run")
void cabi_post_run(u32 *ret) {
    (void)ret;
#if MISBEHAVIOR == POST_RETURN_TRAPS
    __builtin_trap();
#elif MISBEHAVIOR == POST_RETURN_CALLS_HOST
    log_text("cabi_post_run calls log");
#endif
    arena_used = 0;
}
