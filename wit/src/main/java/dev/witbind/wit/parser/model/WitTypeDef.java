package dev.witbind.wit.parser.model;

import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A name an interface or world gives to a type: a definition ({@code record}, {@code variant}, {@code enum},
 * {@code flags}, {@code resource}), an alias ({@code type t = ...}) or a name brought in with {@code use}.
 *
 * @param name the name in this interface (after {@code use ... as})
 * @param kind how the name was introduced
 * @param type what the name stands for when used as a type, aliases resolved away; for a resource (or an alias or
 *     use of one) the owning handle {@code own<r>}, as WIT reads a bare resource name
 * @param resource the resource, when the name denotes one (its own definition, or an alias or use of it)
 * @param refersTo for {@link Kind#USE}, the used interface's type; for an {@link Kind#ALIAS} of a plain name, the
 *     aliased name; empty otherwise
 */
public record WitTypeDef(
        String name,
        Kind kind,
        WitType type,
        Optional<ResourceType> resource,
        Optional<TypeRef> refersTo,
        Gates gates,
        String docs,
        SourceLocation location) {

    /** How a type name was introduced. */
    public enum Kind {
        RECORD,
        VARIANT,
        ENUM,
        FLAGS,
        RESOURCE,
        /** {@code type name = ...}. */
        ALIAS,
        /** {@code use iface.{name}}. */
        USE
    }

    public WitTypeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(refersTo, "refersTo");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(location, "location");
        if (resource.isPresent() && !type.equals(HandleType.own(resource.get()))) {
            throw new IllegalArgumentException("a resource name stands for own<" + resource.get().name() + ">");
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + name + " = " + type;
    }
}
