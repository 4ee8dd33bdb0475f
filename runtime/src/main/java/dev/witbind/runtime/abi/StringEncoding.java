package dev.witbind.runtime.abi;

/** The {@code string-encoding} canonical option: how strings are laid out in guest memory. */
public enum StringEncoding {
    /** {@code utf8}: the default, and what core modules use. */
    UTF8,
    /** {@code utf16}: little-endian UTF-16 code units. */
    UTF16,
    /** {@code latin1+utf16}: Latin-1 when every character fits, else UTF-16, tagged in the length's high bit. */
    LATIN1_UTF16
}
