package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.syntax.Ast;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One package during resolution: its declared items, each file's top-level {@code use}s, and what is resolved. */
final class PackageState {
    /** An interface or world declaration and the file (part) it is in. */
    record Declared(Ast.TopLevelItem decl, PackageSource.Part part) {
        boolean isInterface() {
            return decl instanceof Ast.InterfaceDecl;
        }
    }

    final PackageSource source;
    /** Interfaces and worlds by name, in declaration order. */
    final Map<String, Declared> items = new LinkedHashMap<>();
    /** Interfaces and worlds dropped because their {@code @unstable} feature is not enabled. */
    final Map<String, Declared> excluded = new HashMap<>();
    /** Per file (part, by identity: parts hold whole syntax trees): the names its top-level {@code use}s define. */
    final Map<PackageSource.Part, Map<String, Ast.TopLevelUse>> fileUses = new IdentityHashMap<>();
    final Map<String, WitInterfaceDef> interfaces = new HashMap<>();
    final Map<String, WitWorld> worlds = new HashMap<>();

    PackageState(PackageSource source) {
        this.source = source;
    }

    String key() {
        return source.name.toString();
    }
}
