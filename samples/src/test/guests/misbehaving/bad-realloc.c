/*
 * bad-realloc.c - a guest whose cabi_realloc hands out an address outside its memory.
 *
 * Imports example:greeter/host@0.2.1 greet; exports memory, cabi_realloc, call-greet.
 * cabi_realloc always returns 0xFFFFFF00, so when the host lowers greet's string result into
 * guest memory, the (ptr, len) it got from cabi_realloc is out of bounds: a correct host traps.
 * call-greet() -> i32 returns the length of greet("x")'s result if the host let it through.
 */

typedef unsigned char u8;
typedef unsigned int u32;

__attribute__((import_module("example:greeter/host@0.2.1"), import_name("greet")))
void host_greet(u32 ptr, u32 len, u32 retptr);

__attribute__((export_name("cabi_realloc")))
u32 cabi_realloc(u32 old_ptr, u32 old_size, u32 align, u32 new_size) {
    (void)old_ptr; (void)old_size; (void)align; (void)new_size;
    return 0xFFFFFF00u;
}

static const u8 x_str[1] = { 'x' };
static u32 ret_area[2];

__attribute__((export_name("call-greet")))
u32 call_greet(void) {
    host_greet((u32)x_str, sizeof(x_str), (u32)ret_area);
    return ret_area[1];
}
