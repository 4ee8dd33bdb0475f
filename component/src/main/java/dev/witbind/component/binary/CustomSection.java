package dev.witbind.component.binary;

/**
 * A custom section, kept as its name and the range of its content in the input array.
 *
 * @param offset where the section's id byte is
 * @param contentOffset where its content (after the name) starts
 * @param contentLength how many bytes of content it has
 */
public record CustomSection(String name, int offset, int contentOffset, int contentLength) {}
