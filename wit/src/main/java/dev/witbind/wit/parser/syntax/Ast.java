package dev.witbind.wit.parser.syntax;

import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.SourceText;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.PackageName;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.PrimitiveType;
import java.util.List;
import java.util.Optional;

/**
 * The syntax tree {@link WitParser} builds: one record per WIT construct, exactly as written (names unresolved,
 * resources not yet desugared), each with the location the resolver's errors point at. Lists are immutable.
 */
public final class Ast {
    private Ast() {}

    /** An identifier as written, without a leading {@code %}. */
    public record Ident(String name, SourceLocation location) {}

    /**
     * What every gateable item carries: its doc comments, its gates, and where the item starts (its first gate or
     * keyword).
     */
    public record ItemMeta(String docs, Gates gates, SourceLocation location) {}

    /** {@code package ns:name@version}. */
    public record PackageDecl(Ident namespace, Ident name, Optional<Version> version, String docs,
            SourceLocation location) {
        public PackageName packageName() {
            return new PackageName(namespace.name(), name.name(), version);
        }
    }

    /**
     * A parsed {@code .wit} file: an optional leading {@code package ...;}, the items that belong to that package,
     * and the {@code package ... { ... }} blocks that define other packages inline.
     */
    public record File(SourceText source, Optional<PackageDecl> packageDecl, List<TopLevelItem> items,
            List<NestedPackage> nestedPackages) {
        public File {
            items = List.copyOf(items);
            nestedPackages = List.copyOf(nestedPackages);
        }
    }

    /**
     * {@code package ns:name@version { ... }}; {@code text} is the block's source text, which tells whether two
     * definitions of the same package are the same.
     */
    public record NestedPackage(PackageDecl decl, List<TopLevelItem> items, String text) {
        public NestedPackage {
            items = List.copyOf(items);
        }
    }

    /** What may appear at the top level of a file or nested package. */
    public sealed interface TopLevelItem permits TopLevelUse, InterfaceDecl, WorldDecl {}

    /** {@code use ns:pkg/iface@version as name;}: a file-scoped short name for an interface. */
    public record TopLevelUse(UsePath path, Optional<Ident> alias) implements TopLevelItem {
        /** The name the use defines: the alias, or else the interface's own name. */
        public Ident localName() {
            return alias.orElse(path.item());
        }
    }

    /** A reference to an interface or world: a name in scope, or {@code ns:pkg/item@version}. */
    public sealed interface UsePath permits LocalPath, PackagePath {
        /** The interface's or world's own name (the last part of the path). */
        Ident item();

        SourceLocation location();
    }

    /** A name in scope: an item of the current package or a top-level {@code use} of the file. */
    public record LocalPath(Ident item) implements UsePath {
        @Override
        public SourceLocation location() {
            return item.location();
        }

        @Override
        public String toString() {
            return item.name();
        }
    }

    /** {@code ns:pkg/item@version}. */
    public record PackagePath(Ident namespace, Ident packageName, Ident item, Optional<Version> version,
            SourceLocation location) implements UsePath {
        public PackageName pkg() {
            return new PackageName(namespace.name(), packageName.name(), version);
        }

        @Override
        public String toString() {
            return namespace.name() + ":" + packageName.name() + "/" + item.name()
                    + version.map(v -> "@" + v).orElse("");
        }
    }

    /** {@code interface name { ... }}. */
    public record InterfaceDecl(ItemMeta meta, Ident name, List<InterfaceMember> members) implements TopLevelItem {
        public InterfaceDecl {
            members = List.copyOf(members);
        }
    }

    /** {@code world name { ... }}. */
    public record WorldDecl(ItemMeta meta, Ident name, List<WorldMember> members) implements TopLevelItem {
        public WorldDecl {
            members = List.copyOf(members);
        }
    }

    /** What may appear in an interface (also inline in a world). */
    public sealed interface InterfaceMember permits UseDecl, TypeDecl, FunctionDecl {}

    /** What may appear in a world. */
    public sealed interface WorldMember permits UseDecl, TypeDecl, ExternDecl, IncludeDecl {}

    /** {@code use path.{a, b as c};} inside an interface or world. */
    public record UseDecl(ItemMeta meta, UsePath path, List<UseName> names) implements InterfaceMember, WorldMember {
        public UseDecl {
            names = List.copyOf(names);
        }
    }

    /** One name of a {@code use}: {@code a} or {@code a as b}. */
    public record UseName(Ident name, Optional<Ident> alias) {
        public Ident localName() {
            return alias.orElse(name);
        }
    }

    /** A named type definition. */
    public sealed interface TypeDecl extends InterfaceMember, WorldMember
            permits AliasDecl, RecordDecl, VariantDecl, EnumDecl, FlagsDecl, ResourceDecl {
        ItemMeta meta();

        Ident name();
    }

    /** {@code type name = ty;}. */
    public record AliasDecl(ItemMeta meta, Ident name, TypeExpr type) implements TypeDecl {}

    /** {@code record name { field: ty, ... }}. */
    public record RecordDecl(ItemMeta meta, Ident name, List<Field> fields) implements TypeDecl {
        public RecordDecl {
            fields = List.copyOf(fields);
        }
    }

    public record Field(Ident name, TypeExpr type, String docs) {}

    /** {@code variant name { case, case(ty), ... }}. */
    public record VariantDecl(ItemMeta meta, Ident name, List<Case> cases) implements TypeDecl {
        public VariantDecl {
            cases = List.copyOf(cases);
        }
    }

    public record Case(Ident name, Optional<TypeExpr> payload, String docs) {}

    /** {@code enum name { a, b, ... }}. */
    public record EnumDecl(ItemMeta meta, Ident name, List<Ident> cases) implements TypeDecl {
        public EnumDecl {
            cases = List.copyOf(cases);
        }
    }

    /** {@code flags name { a, b, ... }}. */
    public record FlagsDecl(ItemMeta meta, Ident name, List<Ident> flags) implements TypeDecl {
        public FlagsDecl {
            flags = List.copyOf(flags);
        }
    }

    /** {@code resource name;} or {@code resource name { constructor(...); m: func(...); s: static func(...); }}. */
    public record ResourceDecl(ItemMeta meta, Ident name, List<ResourceFunction> functions) implements TypeDecl {
        public ResourceDecl {
            functions = List.copyOf(functions);
        }
    }

    /** One function of a resource, before desugaring. */
    public record ResourceFunction(ItemMeta meta, Kind kind, Ident name, Signature signature) {
        public enum Kind {
            CONSTRUCTOR,
            METHOD,
            STATIC
        }
    }

    /** {@code name: func(...) -> ty;}. */
    public record FunctionDecl(ItemMeta meta, Ident name, Signature signature) implements InterfaceMember {}

    /** A parameter list and an optional result; {@code async} for {@code async func(...)} (WASI 0.3). */
    public record Signature(List<Param> params, Optional<TypeExpr> result, SourceLocation location, boolean async) {
        public Signature {
            params = List.copyOf(params);
        }
    }

    public record Param(Ident name, TypeExpr type) {}

    /** {@code import ...;} or {@code export ...;} in a world. */
    public record ExternDecl(ItemMeta meta, boolean export, Extern extern) implements WorldMember {}

    /** What an import or export names. */
    public sealed interface Extern permits ExternPath, ExternFunction, ExternInterface {}

    /**
     * {@code import wasi:io/streams@0.2.12;} or {@code import iface;}; with a {@code label}, the 🏷️ form
     * {@code import primary: wasi:keyvalue/store;}: the named interface under a plain name.
     */
    public record ExternPath(UsePath path, Optional<Ident> label) implements Extern {}

    /** {@code import name: func(...);}. */
    public record ExternFunction(Ident name, Signature signature) implements Extern {}

    /** {@code import name: interface { ... }}. */
    public record ExternInterface(Ident name, List<InterfaceMember> members) implements Extern {
        public ExternInterface {
            members = List.copyOf(members);
        }
    }

    /** {@code include world;} or {@code include world with { a as b, ... }}. */
    public record IncludeDecl(ItemMeta meta, UsePath world, List<IncludeName> renames) implements WorldMember {
        public IncludeDecl {
            renames = List.copyOf(renames);
        }
    }

    /** {@code a as b} in an include's {@code with}. */
    public record IncludeName(Ident from, Ident to) {}

    /** A type as written where a type is expected. */
    public sealed interface TypeExpr
            permits Primitive, Named, ListOf, OptionOf, ResultOf, TupleOf, Handle, FixedListOf, MapOf, StreamOf, FutureOf,
                    ErrorContext {
        SourceLocation location();
    }

    public record Primitive(PrimitiveType type, SourceLocation location) implements TypeExpr {}

    /** A type name: a type of the interface, a used type, or a resource (an owned handle). */
    public record Named(Ident name) implements TypeExpr {
        @Override
        public SourceLocation location() {
            return name.location();
        }
    }

    public record ListOf(TypeExpr element, SourceLocation location) implements TypeExpr {}

    public record OptionOf(TypeExpr some, SourceLocation location) implements TypeExpr {}

    public record ResultOf(Optional<TypeExpr> ok, Optional<TypeExpr> err, SourceLocation location)
            implements TypeExpr {}

    public record TupleOf(List<TypeExpr> elements, SourceLocation location) implements TypeExpr {
        public TupleOf {
            elements = List.copyOf(elements);
        }
    }

    /** {@code list<T, N>}. */
    public record FixedListOf(TypeExpr element, long length, SourceLocation location) implements TypeExpr {}

    /** {@code map<K, V>}. */
    public record MapOf(TypeExpr key, TypeExpr value, SourceLocation location) implements TypeExpr {}

    /** {@code stream<T>} or {@code stream}. */
    public record StreamOf(Optional<TypeExpr> element, SourceLocation location) implements TypeExpr {}

    /** {@code future<T>} or {@code future}. */
    public record FutureOf(Optional<TypeExpr> value, SourceLocation location) implements TypeExpr {}

    /** {@code error-context}. */
    public record ErrorContext(SourceLocation location) implements TypeExpr {}

    /** {@code own<r>} or {@code borrow<r>}. */
    public record Handle(HandleType.Ownership ownership, Ident resource, SourceLocation location)
            implements TypeExpr {}
}
