/*
 * odd-realloc.c - a guest whose cabi_realloc always returns an odd (1 mod 2) address.
 *
 * Imports example:greeter/host@0.2.1 greet; exports memory, cabi_realloc, call-greet.
 * String bytes have alignment 1 in the Canonical ABI (the host asks cabi_realloc for align 1),
 * so an odd address is a perfectly valid place for greet's result: this guest is expected to
 * WORK. It guards against hosts that wrongly demand more alignment for string data.
 * call-greet() -> i32 calls greet("x") and returns the byte length of the result, or
 * 0xFFFFFFFF if the result pointer is not the (odd) address cabi_realloc last handed out.
 */

typedef unsigned char u8;
typedef unsigned int u32;

__attribute__((import_module("example:greeter/host@0.2.1"), import_name("greet")))
void host_greet(u32 ptr, u32 len, u32 retptr);

#define ARENA_SIZE 4096u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;
static u32 last_alloc;

/* Returns arena + (an even offset) + 1, so every address it hands out is odd. */
__attribute__((export_name("cabi_realloc")))
u32 cabi_realloc(u32 old_ptr, u32 old_size, u32 align, u32 new_size) {
    (void)align;
    u32 offset = ((arena_used + 1u) & ~1u) + 1u;
    if (offset > ARENA_SIZE || new_size > ARENA_SIZE - offset) __builtin_trap();
    arena_used = offset + new_size;
    u32 p = (u32)arena + offset;
    if (old_ptr != 0) {
        u32 n = old_size < new_size ? old_size : new_size;
        for (u32 i = 0; i < n; i++) ((volatile u8 *)p)[i] = ((const u8 *)old_ptr)[i];
    }
    last_alloc = p;
    return p;
}

static const u8 x_str[1] = { 'x' };
static u32 ret_area[2];

__attribute__((export_name("call-greet")))
u32 call_greet(void) {
    arena_used = 0;
    last_alloc = 0;
    host_greet((u32)x_str, sizeof(x_str), (u32)ret_area);
    if (ret_area[0] != last_alloc) return 0xFFFFFFFFu;
    return ret_area[1];
}
