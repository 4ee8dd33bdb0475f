package dev.witbind.runtime;

import dev.witbind.runtime.ComponentIndexSpaces.Bag;
import dev.witbind.runtime.ComponentIndexSpaces.Item;
import dev.witbind.runtime.ComponentIndexSpaces.Lifted;
import dev.witbind.runtime.errors.WitExportException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a component instance exports at one level: its world-level exports, or the functions of an interface it
 * exports. Interfaces are looked up as imports are, exactly or else on their compatibility track, so a host asking for
 * {@code example:demo/counters@0.1.0} finds a guest's {@code @0.1.3} (Wasmtime does this for exports since version
 * 23).
 */
public final class GuestExports {
    private final String guestName;
    private final String path;
    private final NameMap<Item> items = new NameMap<>();

    GuestExports(String guestName, String path, Map<String, Item> exports) {
        this.guestName = guestName;
        this.path = path;
        exports.forEach((name, item) -> items.define(name, item, false));
    }

    /** The exported names at this level, sorted. */
    public List<String> names() {
        return items.names();
    }

    /**
     * The exported interface (an exported instance) called {@code name}, exactly or on its track.
     *
     * @throws WitExportException when there is none
     */
    public GuestExports instance(String name) {
        NameMap.Hit<Item> hit = items.lookup(name, CompatibilityTrack.of(name)).orElseThrow(() ->
                new WitExportException(guestName, name, "exports no instance '" + name + "'" + where() + "; it exports "
                        + String.join(", ", items.names())));
        if (!(hit.value() instanceof Bag bag)) {
            throw new WitExportException(guestName, name, "exports '" + hit.name() + "'" + where()
                    + ", but it is not an instance");
        }
        return new GuestExports(guestName, hit.name(), bag.items());
    }

    /**
     * The exported function {@code name} at this level, called with WIT types. {@code type} must be the function's
     * type; a resource matches when it is the instance's run-time type (the host's own, for a resource an import
     * provides) or has its name (the host names a resource the component defines as the component's world does).
     *
     * @throws WitExportException when there is no such function, or its type differs
     */
    public GuestFunction function(String name, WitFunctionType type) {
        Optional<Item> item = items.getExact(name);
        if (item.isEmpty() || !(item.get() instanceof Lifted lifted)) {
            throw new WitExportException(guestName, name, (item.isEmpty() ? "exports no function '" : "exports '")
                    + name + "'" + where() + (item.isEmpty() ? "; it exports " + String.join(", ", items.names())
                            : ", but it is not a function"));
        }
        String difference = ComponentTypes.difference(type, lifted.type(), "the host",
                (asked, actual) -> asked.equals(actual) || asked.name().equals(actual.name()));
        if (difference != null) {
            throw new WitExportException(guestName, name, "exports '" + name + "'" + where() + " as " + lifted.type()
                    + ", not " + type + ": " + difference);
        }
        String function = path.isEmpty() ? name : path + "#" + name;
        return new GuestFunction(guestName, function, lifted.type(),
                CanonicalAbi.signature(lifted.type(), CanonicalAbi.Direction.LIFT), lifted.core(), lifted.options(),
                lifted.cx(), lifted.cx().instance());
    }

    private String where() {
        return path.isEmpty() ? "" : " in " + path;
    }

    @Override
    public String toString() {
        return "exports of guest '" + guestName + "'" + where();
    }
}
