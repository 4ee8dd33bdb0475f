/*
 * big.c - the guest of the component reading benchmark (ComponentReadBenchmark): about 2 MB of code, so that reading
 * and validating a component is measured on a size real toolchains emit rather than on a 3 KB fixture.
 *
 * Built without libc for wasm32-unknown-unknown and made a component with big.wit (see build.sh). The preprocessor
 * expands F below 4,096 times (H3: three hexadecimal digits), so the source stays short while the module holds 4,096
 * distinct functions of about 480 bytes each: seven rounds of shifts, multiplications, loads and stores whose
 * constants depend on the function's number (no two bodies are alike, so the linker folds none), and a host call
 * taken when the value hits that number. All of them sit in one function table, which `run` calls through, so none
 * is dead code.
 *
 * Imports (interface bench:host/calls@1.0.0, Canonical ABI flattened):
 *   echo-u32(x: i32) -> i32                       ; echo-u32: func(x: u32) -> u32
 * Exports:
 *   memory
 *   run(which: i32, x: i32) -> i32                ; run: func(which: u32, x: u32) -> u32: function which % 4096 of x
 */

typedef unsigned int u32;

#define IMPORT(name) __attribute__((import_module("bench:host/calls@1.0.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

IMPORT("echo-u32") u32 host_echo_u32(u32 x);

static u32 state[256];

/* One round of function n (three hexadecimal digits): k is the round. */
#define ROUND(n, k) \
    x ^= x >> (k % 13 + 3); \
    x *= 0x2c1b3c6du ^ (0x##n##u * (2 * k + 1)); \
    x += state[(x >> 24) & 255]; \
    state[(x + k) & 255] = x ^ (0x##n##u << (k % 7));

#define F(n) \
    __attribute__((noinline)) static u32 f_##n(u32 x) { \
        ROUND(n, 1) ROUND(n, 2) ROUND(n, 3) ROUND(n, 4) ROUND(n, 5) ROUND(n, 6) ROUND(n, 7) \
        if ((x & 0xfffu) == 0x##n##u) x = host_echo_u32(x); \
        return x; \
    }
#define REF(n) f_##n,

/* m applied to p followed by each hexadecimal digit: H1 makes 16 names, H2 256, H3 4,096. */
#define H1(m, p) m(p##0) m(p##1) m(p##2) m(p##3) m(p##4) m(p##5) m(p##6) m(p##7) \
    m(p##8) m(p##9) m(p##a) m(p##b) m(p##c) m(p##d) m(p##e) m(p##f)
#define H2(m, p) H1(m, p##0) H1(m, p##1) H1(m, p##2) H1(m, p##3) H1(m, p##4) H1(m, p##5) H1(m, p##6) H1(m, p##7) \
    H1(m, p##8) H1(m, p##9) H1(m, p##a) H1(m, p##b) H1(m, p##c) H1(m, p##d) H1(m, p##e) H1(m, p##f)
#define H3(m, p) H2(m, p##0) H2(m, p##1) H2(m, p##2) H2(m, p##3) H2(m, p##4) H2(m, p##5) H2(m, p##6) H2(m, p##7) \
    H2(m, p##8) H2(m, p##9) H2(m, p##a) H2(m, p##b) H2(m, p##c) H2(m, p##d) H2(m, p##e) H2(m, p##f)

H3(F, )

static u32 (*const table[])(u32) = { H3(REF, ) };

EXPORT("run")
u32 run(u32 which, u32 x) {
    return table[which % (sizeof table / sizeof table[0])](x);
}
