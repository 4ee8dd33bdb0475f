/*
 * tally.c - a component guest of the world `tally`, whose resource `counter` and function `total` are world-level
 * imports (module "$root" in the core names wit-component reads): the host provides them at the linker's root.
 * It constructs, uses, borrows, drops, returns and receives counters.
 *
 * No libc (wasm32-unknown-unknown); a bump allocator backs cabi_realloc for the string `name` returns.
 */

typedef unsigned char u8;
typedef unsigned int u32;

#define ROOT(name) __attribute__((import_module("$root"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

struct string { const u8 *ptr; u32 len; };

ROOT("[constructor]counter") u32 counter_new(u32 start);
ROOT("[method]counter.add") u32 counter_add(u32 self, u32 n);
ROOT("[method]counter.name") void counter_name(u32 self, struct string *ret);
ROOT("[resource-drop]counter") void counter_drop(u32 handle);
ROOT("total") u32 total(u32 counter);

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

EXPORT("run") u32 run(u32 start, u32 steps) {
    u32 counter = counter_new(start);
    for (u32 i = 0; i < steps; i++) {
        counter_add(counter, i);
    }
    u32 result = total(counter);
    counter_drop(counter);
    return result;
}

EXPORT("keep") u32 keep(u32 start) {
    return counter_new(start);
}

EXPORT("consume") u32 consume(u32 counter) {
    struct string name;
    heap_used = 0;
    counter_name(counter, &name);
    u32 result = counter_add(counter, name.len);
    counter_drop(counter);
    return result;
}
