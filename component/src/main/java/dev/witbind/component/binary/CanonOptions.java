package dev.witbind.component.binary;

import java.util.OptionalInt;

/**
 * The options of one {@code canon lift} or {@code canon lower}; each belongs to that definition alone.
 *
 * @param encoding the string encoding; utf8 when the binary gives none
 * @param encodingGiven whether the binary gave a string-encoding option
 * @param memory the core memory index, if given
 * @param realloc the core function index of {@code realloc}, if given
 * @param postReturn the core function index of {@code post-return}, if given
 */
public record CanonOptions(StringEncoding encoding, boolean encodingGiven, OptionalInt memory, OptionalInt realloc,
        OptionalInt postReturn) {

    /** The string encodings of the canonical ABI. */
    public enum StringEncoding {
        UTF8("utf8"),
        UTF16("utf16"),
        LATIN1_UTF16("latin1+utf16");

        private final String text;

        StringEncoding(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
