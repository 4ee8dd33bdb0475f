package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.model.PackageName;
import dev.witbind.wit.parser.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/** The syntax of one package, gathered from every file (or {@code package ... { }} block) that contributes to it. */
final class PackageSource {
    /** Top-level items of one file or block; top-level {@code use}s are scoped to it. */
    record Part(Ast.File file, List<Ast.TopLevelItem> items, String text) {}

    final PackageName name;
    final SourceLocation location;
    final String unit;
    final List<Part> parts = new ArrayList<>();
    String docs = "";

    PackageSource(PackageName name, SourceLocation location, String unit) {
        this.name = name;
        this.location = location;
        this.unit = unit;
    }

    /** What two definitions of a package must share to be the same package: their text, in a stable order. */
    List<String> fingerprint() {
        return parts.stream().map(Part::text).sorted().toList();
    }
}
