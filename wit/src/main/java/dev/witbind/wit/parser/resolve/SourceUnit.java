package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.parser.syntax.Ast;
import java.util.List;

/**
 * The parsed files of one root: the loaded directory or file, or one entry of a {@code deps/} folder. Its files'
 * top-level items form one package (named by their {@code package ...;} declarations); their
 * {@code package ... { }} blocks define further packages.
 *
 * @param description how errors name the unit, e.g. its path
 */
public record SourceUnit(String description, List<Ast.File> files) {
    public SourceUnit {
        files = List.copyOf(files);
    }
}
