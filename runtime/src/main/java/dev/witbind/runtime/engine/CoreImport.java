package dev.witbind.runtime.engine;

import dev.witbind.wit.abi.CoreFunctionType;
import java.util.Optional;

/**
 * One import of a core module, as the module declares it.
 *
 * @param module the import's module string: for Component Model guests, the interface name with its version
 * @param field the import's field: the function name
 * @param kind {@code func}, {@code memory}, {@code table}, {@code global} or {@code tag}
 * @param type a function's core type, when all its value types are numeric
 * @param signature how the guest declares it, for messages: a function's core type in WAT form, or the kind
 */
public record CoreImport(String module, String field, String kind, Optional<CoreFunctionType> type,
        String signature) {

    /** A function import whose types are all numeric. */
    public static CoreImport function(String module, String field, CoreFunctionType type) {
        return new CoreImport(module, field, "func", Optional.of(type), type.toString());
    }

    /** {@code module#field}, the way errors and traps name an import. */
    public String qualifiedName() {
        return module + "#" + field;
    }
}
