package dev.witbind.component.validate;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;

/**
 * The total work the validator may spend walking type structure for one component. Types refer to each other by
 * index, so a few bytes can describe a type whose tree is large; each walk charges the size of what it walks, and
 * a component that needs more than this is refused rather than checked slowly.
 */
final class Budget {
    static final long MAX_WORK = 20_000_000;

    private long used;

    void charge(long work, int offset, Section section) {
        used += work;
        if (used > MAX_WORK) {
            throw new ComponentFormatException(offset, section, Rule.TYPE_SIZE, "checking this component's types "
                    + "would walk more than " + MAX_WORK + " type constructors");
        }
    }
}
