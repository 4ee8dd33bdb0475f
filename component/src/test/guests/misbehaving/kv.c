/*
 * kv.c - misbehaving guests of the kv store (example:kv/store@1.0.0, the project's kv/wit/kv.wit): each build
 * breaks one handle rule of the Canonical ABI with the host resource `bucket`, so that a host's trap tests have
 * one real component per rule. The world is `kv` (a copy of ../kv/wit) or, for the two builds that need a
 * second resource type, `kv-tokens` (kv-wit/), which adds the guest-defined resource `token`.
 *
 * No libc (wasm32-unknown-unknown). build.sh sets MISBEHAVIOR to one of the names below and NAME to the
 * fixture's name. The export `run: func() -> string` creates a bucket (a well-formed call, so a test sees that
 * the guest ran), then misbehaves; if the host lets that through, run returns "<name>: the host did not trap".
 */

#define DROP_TWICE 1          /* [resource-drop]bucket(b) twice */
#define USE_AFTER_DROP 2      /* [resource-drop]bucket(b), then [method]bucket.get(b, ...) */
#define USE_AFTER_MOVE 3      /* merge(target, source) takes source (own<bucket>), then [method]bucket.get(source) */
#define HANDLE_ZERO 4         /* [method]bucket.get(0, ...): index 0 is never a handle */
#define UNKNOWN_HANDLE 5      /* [method]bucket.get(b + 100, ...): an index past every handle */
#define WRONG_TYPE_BORROW 6   /* (kv-tokens) [method]bucket.get(a token handle, ...) */
#define WRONG_TYPE_DROP 7     /* (kv-tokens) [resource-drop]bucket(a token handle) */

#ifndef MISBEHAVIOR
#error "define MISBEHAVIOR"
#endif
#ifndef NAME
#error "define NAME, the fixture's name"
#endif

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define STORE "example:kv/store@1.0.0"
#define IMPORT(name) __attribute__((import_module(STORE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

/* result<option<list<u8>>, error-code>, as the host writes it at the return pointer */
struct get_result { u8 is_err; u8 pad[3]; union { struct { u8 is_some; u8 pad[3]; const u8 *ptr; u32 len; } ok; u8 err; } u; };
_Static_assert(sizeof(struct get_result) == 16, "get result layout");

enum { READ = 1, WRITE = 2, ADMIN = 4 };

IMPORT("[constructor]bucket") u32 bucket_new(const u8 *name, u32 name_len, u32 permissions);
IMPORT("[method]bucket.get") void bucket_get(u32 self, const u8 *key, u32 key_len, struct get_result *ret);
IMPORT("[resource-drop]bucket") void bucket_drop(u32 handle);
IMPORT("merge") u32 merge(u32 target, u32 source);

#if MISBEHAVIOR == WRONG_TYPE_BORROW || MISBEHAVIOR == WRONG_TYPE_DROP
/* The guest's own resource: handles come from [resource-new]; the rep is the constructor's value. */
#define TOKENS "example:misbehaving/tokens@0.1.0"
__attribute__((import_module("[export]" TOKENS), import_name("[resource-new]token"))) u32 token_new(u32 rep);
EXPORT(TOKENS "#[constructor]token") u32 token_constructor(u32 value) { return token_new(value); }
EXPORT(TOKENS "#[dtor]token") void token_dtor(u32 rep) { (void)rep; }
#endif

/* A bump allocator over a static arena; cabi_post_run releases everything a call used. */
#define ARENA_SIZE 4096u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;

__attribute__((no_builtin)) static void copy(u8 *dst, const u8 *src, u32 n) {
    for (u32 i = 0; i < n; i++) dst[i] = src[i];
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, u32 old_size, u32 align, u32 new_size) {
    if (align == 0 || (align & (align - 1)) != 0) __builtin_trap();
    u32 base = (u32)arena;
    u32 start = (base + arena_used + align - 1) & ~(align - 1);
    u32 offset = start - base;
    if (offset > ARENA_SIZE || new_size > ARENA_SIZE - offset) __builtin_trap();
    arena_used = offset + new_size;
    if (old != 0) copy((u8 *)start, old, old_size < new_size ? old_size : new_size);
    return (void *)start;
}

#define TEXT(s) (const u8 *)(s), sizeof(s) - 1

static struct get_result got;
static u32 run_ret[2];

EXPORT("run")
u32 *run(void) {
    u32 b = bucket_new(TEXT(NAME), READ | WRITE);
#if MISBEHAVIOR == DROP_TWICE
    bucket_drop(b);
    bucket_drop(b);
#elif MISBEHAVIOR == USE_AFTER_DROP
    bucket_drop(b);
    bucket_get(b, TEXT("key"), &got);
#elif MISBEHAVIOR == USE_AFTER_MOVE
    u32 target = bucket_new(TEXT(NAME " target"), READ | WRITE);
    merge(target, b);
    bucket_get(b, TEXT("key"), &got);
#elif MISBEHAVIOR == HANDLE_ZERO
    bucket_get(0, TEXT("key"), &got);
#elif MISBEHAVIOR == UNKNOWN_HANDLE
    bucket_get(b + 100, TEXT("key"), &got);
#elif MISBEHAVIOR == WRONG_TYPE_BORROW
    u32 token = token_new(7);
    bucket_get(token, TEXT("key"), &got);
#elif MISBEHAVIOR == WRONG_TYPE_DROP
    u32 token = token_new(7);
    bucket_drop(token);
#else
#error "unknown MISBEHAVIOR"
#endif
    static const char not_trapped[] = NAME ": the host did not trap";
    run_ret[0] = (u32)not_trapped;
    run_ret[1] = sizeof not_trapped - 1;
    return run_ret;
}

EXPORT("cabi_post_run")
void cabi_post_run(u32 *ret) {
    (void)ret;
    arena_used = 0;
}
