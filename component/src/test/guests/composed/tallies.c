/*
 * tallies.c - a component guest of the world `tallies`: it imports example:counters/counters@0.1.0, the interface
 * whose resource `counter` the counters component (../counters) defines, and exports `run: func(start: u32) ->
 * string`. composed.wat composes the two, so every call here goes to the other component: owning handles come
 * back from its constructor and merge, borrows go to it (it sees its reps), describe's string is copied from its
 * memory into this one through cabi_realloc below, and dropping a handle runs its destructor.
 *
 * No libc (wasm32-unknown-unknown); a bump allocator backs cabi_realloc.
 */

typedef unsigned char u8;
typedef unsigned int u32;

#define IMPORT(name) __attribute__((import_module("example:counters/counters@0.1.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

struct string { const u8 *ptr; u32 len; };

IMPORT("[constructor]counter") u32 counter_new(u32 start);
IMPORT("[method]counter.increment") u32 counter_increment(u32 self, u32 by);
IMPORT("[method]counter.value") u32 counter_value(u32 self);
IMPORT("[static]counter.merge") u32 counter_merge(u32 a, u32 b);
IMPORT("[resource-drop]counter") void counter_drop(u32 handle);
IMPORT("describe") void describe(u32 counter, struct string *ret);
IMPORT("live") u32 live(void);

static u8 heap[4096];
static u32 heap_used;

EXPORT("cabi_realloc") void *cabi_realloc(void *old, u32 old_size, u32 align, u32 new_size) {
    (void) old;
    (void) old_size;
    u32 start = (heap_used + align - 1) & ~(align - 1);
    if (start + new_size > sizeof heap) {
        __builtin_trap();
    }
    heap_used = start + new_size;
    return heap + start;
}

static u8 out[256];
static u32 out_len;

static void put(const u8 *text, u32 len) {
    for (u32 i = 0; i < len && out_len < sizeof out; i++) out[out_len++] = text[i];
}

static void put_text(const char *text) {
    while (*text && out_len < sizeof out) out[out_len++] = (u8) *text++;
}

static void put_number(u32 v) {
    char digits[10];
    int d = 0;
    do { digits[d++] = (char) ('0' + v % 10); v /= 10; } while (v != 0);
    while (d > 0 && out_len < sizeof out) out[out_len++] = (u8) digits[--d];
}

static u32 result[2];

/* "a=<a> b=<b> merged=<describe> live=<n> after=<n>", the numbers as the other component counted them. */
EXPORT("run") u32 *run(u32 start) {
    heap_used = 0;
    out_len = 0;
    u32 a = counter_new(start);
    u32 b = counter_new(10);
    put_text("a=");
    put_number(counter_increment(a, 5));
    put_text(" b=");
    put_number(counter_value(b));
    u32 merged = counter_merge(a, b);
    struct string text;
    describe(merged, &text);
    put_text(" merged=");
    put(text.ptr, text.len);
    put_text(" live=");
    put_number(live());
    counter_drop(a);
    counter_drop(b);
    counter_drop(merged);
    put_text(" after=");
    put_number(live());
    result[0] = (u32) out;
    result[1] = out_len;
    return result;
}
