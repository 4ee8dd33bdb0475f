/*
 * wrong-types: imports two functions of test:abi/probe@1.0.0 with core types that do not match their WIT types,
 * and one that does, so the linker must refuse exactly the two:
 *   - echo-u64: func(v: u64) -> u64 is (i64) -> (i64); imported here as (i32) -> (i32);
 *   - scalars: its string result needs a trailing return pointer; imported here without it;
 *   - echo-f64: func(v: f64) -> f64, imported correctly as (f64) -> (f64).
 * Built with build.sh; no libc.
 */
#include <stdint.h>

#define IMPORT(name) __attribute__((import_module("test:abi/probe@1.0.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

IMPORT("echo-u64") int32_t probe_echo_u64(int32_t v);
IMPORT("scalars") void probe_scalars(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e, int32_t f, int32_t g,
                                     int64_t h, int64_t i, float j, double k, int32_t l);
IMPORT("echo-f64") double probe_echo_f64(double v);

extern uint8_t __heap_base;
static uintptr_t heap_top;

/* Allocation only, never called with an old block: a link test never runs this guest. */
EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size) {
    (void) old_ptr;
    (void) old_size;
    if (heap_top == 0) {
        heap_top = (uintptr_t) &__heap_base;
    }
    uintptr_t start = (heap_top + align - 1) & ~(uintptr_t) (align - 1);
    heap_top = start + new_size;
    return (void *) start;
}

/* run: func() -> u32, uses all three imports so that they stay in the module */
EXPORT("run")
int32_t run(void) {
    probe_scalars(1, 2, 3, 4, 5, 6, 7, 8, 9, 10.0f, 11.0, 'l');
    return probe_echo_u64(1) + (int32_t) probe_echo_f64(2.0);
}
