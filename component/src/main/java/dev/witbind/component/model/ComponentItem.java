package dev.witbind.component.model;

import dev.witbind.component.binary.SortIndex;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import java.util.Optional;

/**
 * One import or export of a component: its name, parsed by the Component Model's name grammar, its type in WIT
 * terms, and the index its definition adds (an import adds the imported item; an export adds an alias of the
 * exported item).
 *
 * @param name the name as the binary spells it
 * @param parsedName the name parsed: a plain name or an interface name with its version
 * @param type what the item is
 * @param index the index space and index the import or export definition adds
 * @param offset where the import or export definition is in the input
 */
public record ComponentItem(String name, ExternName parsedName, ItemType type, SortIndex index, int offset) {

    /** The version of an interface name, e.g. {@code 0.2.1} of {@code example:greeter/host@0.2.1}. */
    public Optional<Version> version() {
        return parsedName instanceof InterfaceName iface ? iface.version() : Optional.empty();
    }

    /** The kind of item. */
    public ItemType.Kind kind() {
        return type.kind();
    }
}
