/*
 * no-realloc.c - a guest that imports a string-returning function but exports no cabi_realloc.
 *
 * Imports example:greeter/host@0.2.1 greet; exports memory and call-greet only.
 * greet returns a string, which the host can only hand over by calling the guest's cabi_realloc;
 * without it, a correct host refuses to link/instantiate the guest or traps on the call.
 * call-greet() -> i32 returns the length of greet("x")'s result if the host let it through.
 */

typedef unsigned char u8;
typedef unsigned int u32;

__attribute__((import_module("example:greeter/host@0.2.1"), import_name("greet")))
void host_greet(u32 ptr, u32 len, u32 retptr);

static const u8 x_str[1] = { 'x' };
static u32 ret_area[2];

__attribute__((export_name("call-greet")))
u32 call_greet(void) {
    host_greet((u32)x_str, sizeof(x_str), (u32)ret_area);
    return ret_area[1];
}
