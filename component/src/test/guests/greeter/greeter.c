/*
 * greeter.c - a component guest (core module for `jco embed` + `jco new`) of the world `greeter`:
 * it imports the interface example:greeter/host and exports `run: func(name: string) -> string`.
 *
 * No libc (wasm32-unknown-unknown). Compile-time parameters, set by build.sh:
 *   HOST_VERSION   the version of example:greeter/host the core module imports, e.g. "0.2.0"
 *   USES_SHOUT     1 to import and call shout and repeat (added in 0.2.1), 0 to use only 0.2.0's functions
 *   ENCODING       0 utf8, 1 utf16, 2 latin1+utf16: the string encoding `jco embed --string-encoding` declares
 *
 * The guest keeps its strings in one code-unit type (bytes for utf8, 16-bit units otherwise) and converts latin1
 * input to utf16, so with latin1+utf16 it always answers in utf16 (the length tagged with bit 31).
 */

#ifndef HOST_VERSION
#error "define HOST_VERSION"
#endif
#ifndef USES_SHOUT
#define USES_SHOUT 0
#endif
#ifndef ENCODING
#define ENCODING 0
#endif

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

/* A string literal in the guest's code units, and its length in them. */
#if ENCODING == 0
typedef u8 unit;
#define LITERAL(s) ((struct text){ (const unit *)(s), sizeof(s) - 1 })
#else
typedef u16 unit;
#define LITERAL(s) ((struct text){ (const unit *)(u##s), sizeof(u##s) / sizeof(u16) - 1 })
#endif

#define UTF16_TAG 0x80000000u

#define HOST "example:greeter/host@" HOST_VERSION
#define IMPORT(name) __attribute__((import_module(HOST), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

/* Canonical ABI core signatures of the imports (a string is ptr + length in code units). */
IMPORT("log") void host_log(const unit *ptr, u32 len);
IMPORT("greet") void host_greet(const unit *ptr, u32 len, u32 *ret);
IMPORT("checksum") u64 host_checksum(const u8 *ptr, u32 len, u64 seed);
#if USES_SHOUT
IMPORT("shout") void host_shout(const unit *ptr, u32 len, u32 *ret);
IMPORT("repeat") void host_repeat(u32 code_point, u32 count, u32 *ret);
#endif

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

struct text { const unit *ptr; u32 len; };


/* A string as it arrives: with latin1+utf16, a length without the tag is latin1 bytes, widened here. */
static struct text arrived(const void *ptr, u32 len) {
#if ENCODING == 2
    if ((len & UTF16_TAG) == 0) {
        const u8 *latin1 = ptr;
        unit *wide = alloc(2, len * 2);
        for (u32 i = 0; i < len; i++) wide[i] = latin1[i];
        return (struct text){ wide, len };
    }
    return (struct text){ ptr, len & ~UTF16_TAG };
#else
    return (struct text){ ptr, len };
#endif
}

static u32 departing(u32 len) {
#if ENCODING == 2
    return len | UTF16_TAG;
#else
    return len;
#endif
}

static struct text concat(const struct text *parts, u32 n) {
    u32 total = 0;
    for (u32 i = 0; i < n; i++) total += parts[i].len;
    unit *out = alloc(sizeof(unit), total * sizeof(unit));
    u32 at = 0;
    for (u32 i = 0; i < n; i++) {
        copy((u8 *)(out + at), (const u8 *)parts[i].ptr, parts[i].len * sizeof(unit));
        at += parts[i].len;
    }
    return (struct text){ out, total };
}

static struct text hex64(u64 v) {
    static const char digits[] = "0123456789abcdef";
    unit *out = alloc(sizeof(unit), 16 * sizeof(unit));
    for (int i = 15; i >= 0; i--) { out[i] = (unit)digits[v & 0xF]; v >>= 4; }
    return (struct text){ out, 16 };
}

static u32 import_ret[2];  /* {ptr, len} that the host writes for an import returning a string */
static u32 run_ret[2];     /* {ptr, len} that run returns */

static struct text returned(void) {
    return arrived((const void *)import_ret[0], import_ret[1]);
}

EXPORT("run")
u32 *run(const void *name_ptr, u32 name_len) {
    struct text name = arrived(name_ptr, name_len);

    struct text log_parts[] = { LITERAL("greeter " HOST_VERSION " run: "), name };
    struct text message = concat(log_parts, 2);
    host_log(message.ptr, departing(message.len));

    host_greet(name.ptr, departing(name.len), import_ret);
    struct text greeting = returned();
#if USES_SHOUT
    host_shout(name.ptr, departing(name.len), import_ret);
    struct text shouted = returned();
    host_repeat(0x1F389u, 3, import_ret);
    struct text party = returned();
#endif
    struct text sum = hex64(host_checksum((const u8 *)name.ptr, name.len * sizeof(unit), 0x0123456789ABCDEFull));

#if USES_SHOUT
    struct text parts[] = { greeting, LITERAL(" "), shouted, LITERAL(" "), party, LITERAL(" #"), sum };
#else
    struct text parts[] = { greeting, LITERAL(" #"), sum };
#endif
    struct text result = concat(parts, sizeof(parts) / sizeof(parts[0]));
    run_ret[0] = (u32)result.ptr;
    run_ret[1] = departing(result.len);
    return run_ret;
}

EXPORT("cabi_post_run")
void cabi_post_run(u32 *ret) {
    (void)ret;
    arena_used = 0;
}
