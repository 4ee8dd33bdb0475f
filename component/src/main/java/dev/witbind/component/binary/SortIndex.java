package dev.witbind.component.binary;

/** An index into one index space: {@code (sort idx)}. */
public record SortIndex(Sort sort, int index) {
    @Override
    public String toString() {
        return "(" + sort + " " + index + ")";
    }
}
