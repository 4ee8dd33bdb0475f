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
 * @param versionSuffix the name's {@code versionsuffix} attribute (🔗): for a canonical name such as
 *     {@code wasi:cli/exit@0.2}, the rest of the version the component was built against ({@code .6}); validated
 *     against the name, and never part of linking (the name is)
 * @param type what the item is
 * @param index the index space and index the import or export definition adds
 * @param offset where the import or export definition is in the input
 */
public record ComponentItem(String name, ExternName parsedName, Optional<String> versionSuffix, ItemType type,
        SortIndex index, int offset) {

    /**
     * The SemVer version of an interface name, e.g. {@code 0.2.1} of {@code example:greeter/host@0.2.1}; empty for
     * a canonical name such as {@code example:greeter/host@0.2} (see {@link #originalVersion()}).
     */
    public Optional<Version> version() {
        return parsedName instanceof InterfaceName iface ? iface.version() : Optional.empty();
    }

    /**
     * The full version the component was built against, for messages and reports: the SemVer version of the name,
     * or a canonversion joined with its {@link #versionSuffix()} ({@code 0.2} and {@code .6}: {@code 0.2.6}); empty
     * for a name without a version, and for a canonical name that keeps no suffix.
     */
    public Optional<Version> originalVersion() {
        if (!(parsedName instanceof InterfaceName iface)) {
            return Optional.empty();
        }
        return versionSuffix.isPresent()
                ? iface.canonicalVersion().map(canon -> canon.withSuffix(versionSuffix.get()))
                : iface.version();
    }

    /** The kind of item. */
    public ItemType.Kind kind() {
        return type.kind();
    }
}
