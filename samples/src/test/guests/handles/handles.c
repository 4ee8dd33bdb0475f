/*
 * handles.c - a guest of test:handles/two@1.0.0 (samples/src/main/wit/handles/two.wit, world handles-guest)
 * for the handle rules of resources lent and given to a guest, a handle of the wrong resource type, and the
 * Canonical ABI's join bit-casts of variant payloads.
 *
 * Imports test:handles/two@1.0.0: [constructor]apple, [method]apple.weight, [resource-drop]apple,
 * [constructor]pear, [resource-drop]pear, describe, weigh-with, eat.
 *
 * Export              WIT type                              What it does                                  Host
 * ok                  func() -> u32                         apple(7), pear(3), weigh-with, drops the       1007
 *                                                           pear, eats the apple: weigh-with * 100 + eat
 * wrong-type-handle   func() -> u32                         pear(3), then apple.weight(pear handle)        trap
 * variant-joins       func() -> string                      describe() once per case below, the host's    text
 *                                                           answers joined with '\n'
 * keep-borrow         func(b: borrow<apple>) -> u32         apple.weight(b), returns without dropping b   trap
 * use-borrow          func(b: borrow<apple>) -> u32         apple.weight(b), drops b                      weight
 * weigh-lent          func(b: borrow<apple>, seeds: u32)    pear(seeds), weigh-with(b, pear) (lends the    sum
 *                       -> u32                              borrow back to the host), drops both
 * move-borrow         func(b: borrow<apple>) -> u32         eat(b): gives away a handle it only borrows   trap
 * return-borrow       func(b: borrow<apple>) -> apple       returns b as if it owned it                   trap
 * take-own            func(a: apple) -> u32                 apple.weight(a), drops a (the host closes it) weight
 * give-back           func(a: apple) -> apple               returns a                                     a
 * make-apple          func(weight: u32) -> apple            returns a new apple(weight)                   apple
 */

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef u32 handle;

#define HOST_MODULE "test:handles/two@1.0.0"
#define IMPORT(name) __attribute__((import_module(HOST_MODULE), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

#define offsetof(t, f) __builtin_offsetof(t, f)
#define ADDR(x) ((u32)(x))

/* ---- Canonical ABI layouts (wasm32) ------------------------------------------------------- */

/* string: {ptr, len}, size 8 align 4; where describe's result is stored and what variant-joins returns */
struct str { u32 ptr; u32 len; };
_Static_assert(offsetof(struct str, ptr) == 0 && offsetof(struct str, len) == 4, "string layout");
_Static_assert(sizeof(struct str) == 8 && _Alignof(struct str) == 4, "string layout");

/* The flat core values are what this guest controls, so they are spelled out: variant reading flattens to
   [i32 case, i64, f64], the join of small(f32), big(f64), wide(s64), tiny(u8) and both(pair {f32, f64}).
   Double-check the C types carry exactly those widths. */
_Static_assert(sizeof(u64) == 8 && sizeof(double) == 8 && sizeof(float) == 4 && sizeof(u32) == 4, "core widths");

enum { NOTHING = 0, SMALL = 1, BIG = 2, WIDE = 3, TINY = 4, BOTH = 5 };

/* ---- imports ------------------------------------------------------------------------------ */

IMPORT("[constructor]apple")
handle apple_new(u32 weight);
IMPORT("[method]apple.weight")
u32 apple_weight(handle self);
IMPORT("[resource-drop]apple")
void apple_drop(handle h);
IMPORT("[constructor]pear")
handle pear_new(u32 seeds);
IMPORT("[resource-drop]pear")
void pear_drop(handle h);
IMPORT("describe")
void describe(u32 reading_case, u64 payload0, double payload1, u32 retptr);
IMPORT("weigh-with")
u32 weigh_with(handle apple, handle pear);
IMPORT("eat")
u32 eat(handle apple);

/* ---- bump allocator: the host's describe results ------------------------------------------- */

#define ARENA_SIZE 8192u
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

/* ---- exports ------------------------------------------------------------------------------ */

EXPORT("ok")
u32 ok(void) {
    handle apple = apple_new(7);
    handle pear = pear_new(3);
    u32 weighed = weigh_with(apple, pear); /* 10 */
    pear_drop(pear);                       /* the host closes pear 3 */
    u32 eaten = eat(apple);                /* the host takes apple 7 and closes it */
    return weighed * 100 + eaten;
}

EXPORT("wrong-type-handle")
u32 wrong_type_handle(void) {
    handle pear = pear_new(3);
    return apple_weight(pear); /* a pear handle where borrow<apple> is expected */
}

/* One describe() call: the case and the two joined payload positions, exactly as this guest passes them. */
struct call { u32 reading_case; u64 payload0; u64 payload1_bits; };

static const struct call calls[] = {
    { NOTHING, 0xFFFFFFFFFFFFFFFFull, 0x4004000000000000ull }, /* unused positions hold garbage: ignored */
    { SMALL, 0x0000000080000000ull, 0 },                        /* -0.0f, zero-extended */
    { SMALL, 0x000000007FA00001ull, 0 },                        /* a signalling NaN with a payload */
    { SMALL, 0xDEADBEEF3FC00000ull, 0 },                        /* 1.5f; the high half is ignored */
    { BIG, 0xC00921FB54442D18ull, 0 },                          /* -pi: every bit of the i64 counts */
    { BIG, 0xFFF0000000000001ull, 0 },                          /* a negative signalling NaN */
    { WIDE, 0x8000000000000000ull, 0 },                         /* s64 min */
    { TINY, 0x00000000000000FFull, 0 },                         /* u8 255 */
    { TINY, 0xFFFFFFFFFFFFFF07ull, 0 },                         /* u8 7: the i64 wraps to i32, the i32 to u8 */
    { BOTH, 0x00000000BF800000ull, 0x7E37E43C8800759Cull },     /* x = -1.0f, y = 1e300 */
    { BOTH, 0xABCD00007F800001ull, 0x8000000000000000ull },     /* x = NaN (high half ignored), y = -0.0 */
};

static struct str describe_result;
static u8 joined[2048];
static struct str joins_result;

EXPORT("variant-joins")
u32 variant_joins(void) {
    u32 length = 0;
    for (u32 i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
        describe(calls[i].reading_case, calls[i].payload0, __builtin_bit_cast(double, calls[i].payload1_bits),
                ADDR(&describe_result));
        if (i > 0) joined[length++] = '\n';
        if (describe_result.len > sizeof(joined) - length) __builtin_trap();
        for (u32 j = 0; j < describe_result.len; j++) joined[length++] = ((const u8 *)describe_result.ptr)[j];
    }
    joins_result.ptr = ADDR(joined);
    joins_result.len = length;
    return ADDR(&joins_result);
}

EXPORT("cabi_post_variant-joins")
void cabi_post_variant_joins(u32 retptr) {
    (void)retptr;
    arena_used = 0; /* everything the host allocated during the call */
}

EXPORT("keep-borrow")
u32 keep_borrow(handle b) {
    return apple_weight(b); /* b is never dropped */
}

EXPORT("use-borrow")
u32 use_borrow(handle b) {
    u32 weight = apple_weight(b);
    apple_drop(b); /* dropping a borrow handle ends the borrow; the apple stays open */
    return weight;
}

EXPORT("weigh-lent")
u32 weigh_lent(handle b, u32 seeds) {
    handle pear = pear_new(seeds);
    u32 weighed = weigh_with(b, pear); /* the borrowed apple, lent back to the host */
    pear_drop(pear);
    apple_drop(b);
    return weighed;
}

EXPORT("move-borrow")
u32 move_borrow(handle b) {
    return eat(b); /* eat takes own<apple>; b is only borrowed */
}

EXPORT("return-borrow")
handle return_borrow(handle b) {
    return b; /* the result is own<apple>; b is only borrowed */
}

EXPORT("take-own")
u32 take_own(handle a) {
    u32 weight = apple_weight(a);
    apple_drop(a); /* the guest owns a: dropping it closes the apple */
    return weight;
}

EXPORT("give-back")
handle give_back(handle a) {
    return a;
}

EXPORT("make-apple")
handle make_apple(u32 weight) {
    return apple_new(weight);
}
