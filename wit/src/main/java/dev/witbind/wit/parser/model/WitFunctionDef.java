package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of an interface or world, named as the Component Model names it: {@code greet}, or for resources
 * {@code [constructor]r}, {@code [method]r.m} (whose first parameter is {@code self: borrow<r>}) and
 * {@code [static]r.m}. A constructor's result is {@code own<r>} (or the written {@code result<r, e>}).
 *
 * @param async whether it is WASI 0.3's {@code async func}, which witbind reads but does not run yet
 */
public record WitFunctionDef(PlainName name, WitFunctionType type, Gates gates, String docs, SourceLocation location,
        boolean async) {
    /** A synchronous function. */
    public WitFunctionDef(PlainName name, WitFunctionType type, Gates gates, String docs, SourceLocation location) {
        this(name, type, gates, docs, location, false);
    }

    public WitFunctionDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(location, "location");
    }

    /** The Component Model name, e.g. {@code [method]output-stream.write}. */
    public String externName() {
        return name.toString();
    }

    public PlainName.Kind kind() {
        return name.kind();
    }

    /** The resource a constructor, method or static function belongs to. */
    public Optional<String> resource() {
        return name.resource();
    }

    @Override
    public String toString() {
        return externName() + ": " + (async ? "async " : "") + type;
    }
}
