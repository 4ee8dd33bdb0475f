/*
 * counters.c - a component guest of the world `counters-guest`: it exports example:counters/counters@0.1.0, whose
 * resource `counter` it defines itself (rep = index into a static table, destructor frees the slot), a world-level
 * function returning a world-level record, and imports the inline interface `log`.
 *
 * No libc (wasm32-unknown-unknown). wit-component's naming: exports `<interface>#<function>`, the destructor
 * `<interface>#[dtor]counter`, the resource intrinsics imported from `[export]<interface>`. A method's `self` and a
 * borrow of the guest's own resource arrive as the rep, not as a handle.
 */

typedef unsigned char u8;
typedef unsigned int u32;

#define IFACE "example:counters/counters@0.1.0"
#define EXPORT(name) __attribute__((export_name(name)))

__attribute__((import_module("[export]" IFACE), import_name("[resource-new]counter"))) u32 counter_new(u32 rep);
__attribute__((import_module("log"), import_name("emit"))) void log_emit(u32 level, const u8 *ptr, u32 len);

enum { INFO = 0, WARN = 1 };

#define SLOTS 64
static u32 values[SLOTS + 1];  /* rep 0 is never handed out */
static u8 used[SLOTS + 1];
static u32 live_count;

static u32 make(u32 start) {
    for (u32 rep = 1; rep <= SLOTS; rep++) {
        if (!used[rep]) {
            used[rep] = 1;
            values[rep] = start;
            live_count++;
            return counter_new(rep);
        }
    }
    log_emit(WARN, (const u8 *)"full", 4);
    __builtin_trap();
}

EXPORT(IFACE "#[constructor]counter") u32 constructor(u32 start) { return make(start); }

EXPORT(IFACE "#[method]counter.increment") u32 increment(u32 self, u32 by) { return values[self] += by; }

EXPORT(IFACE "#[method]counter.value") u32 value(u32 self) { return values[self]; }

EXPORT(IFACE "#[static]counter.merge") u32 merge(u32 a, u32 b) { return make(values[a] + values[b]); }

EXPORT(IFACE "#[dtor]counter") void destroy(u32 rep) {
    used[rep] = 0;
    live_count--;
    log_emit(INFO, (const u8 *)"dropped", 7);
}

EXPORT(IFACE "#live") u32 live(void) { return live_count; }

/* describe returns "counter=<value>" from a static buffer; nothing to free, so no post-return is needed. */
static u8 text[32];
static u32 text_ret[2];

EXPORT(IFACE "#describe") u32 *describe(u32 c) {
    static const char prefix[] = "counter=";
    u32 n = 0;
    for (; prefix[n]; n++) text[n] = (u8)prefix[n];
    char digits[10];
    int d = 0;
    u32 v = values[c];
    do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v != 0);
    while (d > 0) text[n++] = (u8)digits[--d];
    text_ret[0] = (u32)text;
    text_ret[1] = n;
    return text_ret;
}

static int origin_ret[2];

EXPORT("origin") int *origin(void) {
    origin_ret[0] = 0;
    origin_ret[1] = 0;
    return origin_ret;
}
