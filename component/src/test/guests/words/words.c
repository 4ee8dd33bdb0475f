/*
 * words.c - a component guest of the world `text`: it exports the interface example:text/words@0.1.0
 * (strings in and out, a record holding a string, a list of strings) and the world-level function `version`.
 *
 * No libc (wasm32-unknown-unknown). wit-component's naming: exports `<interface>#<function>` and
 * `cabi_post_<interface>#<function>`. Words are maximal runs of bytes that are not ASCII whitespace; letters are the
 * code points of the words (UTF-8 lead bytes); `shout` upper-cases ASCII letters and keeps every other byte.
 *
 * Memory: one bump arena behind cabi_realloc, which the host fills with the argument string before each call and the
 * guest with its results; every export empties it when the host is done: post-return for those whose results live
 * in it, the export itself for `count`, whose result is a number.
 */

typedef unsigned char u8;
typedef unsigned int u32;

#define IFACE "example:text/words@0.1.0"
#define EXPORT(name) __attribute__((export_name(name)))

#define ARENA_SIZE 65536u
static u8 arena[ARENA_SIZE] __attribute__((aligned(16)));
static u32 arena_used;

__attribute__((no_builtin)) static void copy_bytes(u8 *dst, const u8 *src, u32 n) {
    for (u32 i = 0; i < n; i++) dst[i] = src[i];
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, u32 old_size, u32 align, u32 new_size) {
    if (align == 0 || (align & (align - 1))) __builtin_trap();
    u32 base = (u32)arena;
    u32 start = (base + arena_used + (align - 1)) & ~(align - 1);
    u32 offset = start - base;
    if (offset > ARENA_SIZE || new_size > ARENA_SIZE - offset) __builtin_trap();
    arena_used = offset + new_size;
    if (old_ptr != 0) copy_bytes((u8 *)start, (const u8 *)old_ptr, old_size < new_size ? old_size : new_size);
    return (void *)start;
}

static void reset(void) { arena_used = 0; }

static int is_space(u8 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The next word at or after *at, as [start, end); 0 when there is none. */
static int next_word(const u8 *text, u32 len, u32 *at, u32 *start, u32 *end) {
    u32 i = *at;
    while (i < len && is_space(text[i])) i++;
    if (i == len) return 0;
    *start = i;
    while (i < len && !is_space(text[i])) i++;
    *end = i;
    *at = i;
    return 1;
}

static u32 code_points(const u8 *text, u32 start, u32 end) {
    u32 n = 0;
    for (u32 i = start; i < end; i++) n += (text[i] & 0xC0) != 0x80;
    return n;
}

EXPORT(IFACE "#count")
u32 count(const u8 *text, u32 len) {
    u32 at = 0, start, end, n = 0;
    while (next_word(text, len, &at, &start, &end)) n++;
    reset(); /* the argument is the arena's only content, and the host is done with it */
    return n;
}

static u32 string_ret[2];

EXPORT(IFACE "#shout")
u32 *shout(const u8 *text, u32 len) {
    u8 *out = cabi_realloc(0, 0, 1, len);
    for (u32 i = 0; i < len; i++) out[i] = text[i] >= 'a' && text[i] <= 'z' ? text[i] - 'a' + 'A' : text[i];
    string_ret[0] = (u32)out;
    string_ret[1] = len;
    return string_ret;
}

EXPORT("cabi_post_" IFACE "#shout")
void shout_post(u32 *ret) { reset(); }

/* record summary { words: u32, letters: u32, longest: string }: four i32s, returned through a pointer. */
static u32 stats_ret[4];

EXPORT(IFACE "#stats")
u32 *stats(const u8 *text, u32 len) {
    u32 at = 0, start, end, words = 0, letters = 0, longest = 0, longest_start = 0, longest_len = 0;
    while (next_word(text, len, &at, &start, &end)) {
        u32 n = code_points(text, start, end);
        words++;
        letters += n;
        if (n > longest) {
            longest = n;
            longest_start = start;
            longest_len = end - start;
        }
    }
    stats_ret[0] = words;
    stats_ret[1] = letters;
    stats_ret[2] = (u32)(text + longest_start); /* the longest word where it lies, in the argument */
    stats_ret[3] = longest_len;
    return stats_ret;
}

EXPORT("cabi_post_" IFACE "#stats")
void stats_post(u32 *ret) { reset(); }

EXPORT(IFACE "#split")
u32 *split(const u8 *text, u32 len) {
    u32 at = 0, start, end, n = 0;
    while (next_word(text, len, &at, &start, &end)) n++;
    u32 *pairs = cabi_realloc(0, 0, 4, 8 * n);
    at = 0;
    for (u32 i = 0; i < n; i++) {
        next_word(text, len, &at, &start, &end);
        pairs[2 * i] = (u32)(text + start);
        pairs[2 * i + 1] = end - start;
    }
    string_ret[0] = (u32)pairs;
    string_ret[1] = n;
    return string_ret;
}

EXPORT("cabi_post_" IFACE "#split")
void split_post(u32 *ret) { reset(); }

/* version returns a static string: nothing to free, so no post-return. */
static const u8 version_text[] = "words 0.1.0";

EXPORT("version")
u32 *version(void) {
    string_ret[0] = (u32)version_text;
    string_ret[1] = sizeof version_text - 1;
    return string_ret;
}
