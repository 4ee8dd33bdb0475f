package dev.witbind.wit.parser.syntax;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.SourceText;
import dev.witbind.wit.parser.WitParseException;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A recursive-descent parser for one WIT file (WIT.md "Lexical structure" through "Handles"), producing an
 * {@link Ast.File}. It checks only what the grammar says; names, types and packages are the resolver's job.
 *
 * <p>Features behind the Component Model's emoji gates that witbind does not implement (async functions,
 * {@code stream}, {@code future}, {@code map}, fixed-length lists, nested namespaces, {@code @external-id} and
 * interfaces imported under a plain name) are rejected with a message saying so, not with a generic syntax error.
 */
public final class WitParser {
    /** Deeper type nesting than this is surely a mistake, and would otherwise risk the parser's stack. */
    static final int MAX_TYPE_DEPTH = 100;

    private static final List<String> TYPE_DEFINITION_KEYWORDS =
            List.of("type", "record", "variant", "enum", "flags", "resource");

    private final SourceText source;
    private final Lexer lexer;
    private final List<Token> lookahead = new ArrayList<>();
    private int previousEnd;

    private WitParser(SourceText source) {
        this.source = source;
        this.lexer = new Lexer(source);
    }

    /** Whether {@code name} is a WIT keyword, which a name must escape with {@code %}. */
    public static boolean isKeyword(String name) {
        return Lexer.KEYWORDS.contains(name);
    }

    /**
     * Parses one file.
     *
     * @throws WitParseException of kind {@link WitParseException.Kind#SYNTAX} at the first problem
     */
    public static Ast.File parse(SourceText source) {
        return new WitParser(source).file();
    }

    // ---- files and packages ----

    private Ast.File file() {
        Optional<Ast.PackageDecl> packageDecl = Optional.empty();
        List<Ast.TopLevelItem> items = new ArrayList<>();
        List<Ast.NestedPackage> nested = new ArrayList<>();
        boolean first = true;
        while (peek().kind() != Token.Kind.END_OF_FILE) {
            if (peek().isKeyword("package")) {
                Token keyword = peek();
                Ast.PackageDecl decl = packageDecl();
                if (peek().isOperator("{")) {
                    next();
                    List<Ast.TopLevelItem> packageItems = packageItems();
                    Token close = expectOperator("}", "to close package '" + decl.packageName() + "'");
                    nested.add(new Ast.NestedPackage(decl, packageItems,
                            source.text().substring(keyword.start(), close.end())));
                } else {
                    Token semicolon = expectOperator(";", "after the package name");
                    if (!first) {
                        // At the ';', where '{' would have made it a package block (wasm-tools points there too).
                        throw error(semicolon, "'package " + decl.packageName()
                                + ";' must be the first item in the file (or write 'package ... { ... }' to "
                                + "define a package inline)");
                    }
                    packageDecl = Optional.of(decl);
                }
            } else {
                items.add(topLevelItem());
            }
            first = false;
        }
        return new Ast.File(source, packageDecl, items, nested);
    }

    private List<Ast.TopLevelItem> packageItems() {
        List<Ast.TopLevelItem> items = new ArrayList<>();
        while (!peek().isOperator("}") && peek().kind() != Token.Kind.END_OF_FILE) {
            items.add(topLevelItem());
        }
        return items;
    }

    private Ast.PackageDecl packageDecl() {
        Token keyword = next();
        String docs = keyword.docs();
        Ast.Ident namespace = ident("a package namespace");
        expectOperator(":", "between the package namespace and name (as in 'package wasi:io;')");
        Ast.Ident name = ident("a package name");
        if (peek().isOperator(":") || peek().isOperator("/")) {
            throw error(peek(), "nested namespaces and packages ('a:b:c' or 'a:b/c' in a package name) are not "
                    + "supported: they are a gated Component Model feature (🪺)");
        }
        Optional<Version> version = Optional.empty();
        if (peek().isOperator("@")) {
            next();
            version = Optional.of(version());
        }
        checkPackageName(namespace, name);
        return new Ast.PackageDecl(namespace, name, version, docs, location(keyword));
    }

    /** Namespaces and package names are lowercase {@code words} (no acronyms), as in interface names. */
    private void checkPackageName(Ast.Ident namespace, Ast.Ident name) {
        try {
            InterfaceName.parse(namespace.name() + ":" + name.name() + "/x");
        } catch (InvalidNameException e) {
            boolean namespaceWrong = e.part().startsWith("the namespace");
            Ast.Ident culprit = namespaceWrong ? namespace : name;
            throw source.error(WitParseException.Kind.SYNTAX, culprit.location(), "invalid package name '"
                    + namespace.name() + ":" + name.name() + "': " + e.part() + " " + e.reason());
        }
    }

    private Ast.TopLevelItem topLevelItem() {
        Ast.ItemMeta meta = meta();
        Token token = peek();
        if (token.isKeyword("interface")) {
            return interfaceDecl(meta);
        }
        if (token.isKeyword("world")) {
            return worldDecl(meta);
        }
        if (token.isKeyword("use")) {
            if (!meta.gates().equals(Gates.NONE)) {
                throw source.error(WitParseException.Kind.SYNTAX, meta.location(),
                        "a top-level 'use' cannot be gated; gate the items that use it instead");
            }
            next();
            Ast.UsePath path = usePath();
            Optional<Ast.Ident> alias = Optional.empty();
            if (peek().isKeyword("as")) {
                next();
                alias = Optional.of(ident("a name after 'as'"));
            }
            expectOperator(";", "after a top-level 'use'");
            return new Ast.TopLevelUse(path, alias);
        }
        if (token.isKeyword("package")) {
            if (!meta.gates().equals(Gates.NONE)) {
                throw source.error(WitParseException.Kind.SYNTAX, meta.location(),
                        "a package declaration cannot be gated; gate its interfaces and worlds instead");
            }
            next();
            throw error(peek(), "packages cannot be nested inside 'package ... { }' blocks");
        }
        throw expected("'interface', 'world', 'use' or 'package'", token);
    }

    // ---- interfaces ----

    private Ast.InterfaceDecl interfaceDecl(Ast.ItemMeta meta) {
        next();
        Ast.Ident name = ident("an interface name");
        expectOperator("{", "to open interface '" + name.name() + "'");
        List<Ast.InterfaceMember> members = interfaceMembers();
        expectOperator("}", "to close interface '" + name.name() + "'");
        return new Ast.InterfaceDecl(meta, name, members);
    }

    private List<Ast.InterfaceMember> interfaceMembers() {
        List<Ast.InterfaceMember> members = new ArrayList<>();
        while (!peek().isOperator("}") && peek().kind() != Token.Kind.END_OF_FILE) {
            Ast.ItemMeta meta = meta();
            Token token = peek();
            if (token.isKeyword("use")) {
                members.add(useDecl(meta));
            } else if (isTypeDefinitionStart(token)) {
                members.add(typeDecl(meta));
            } else if (token.kind() == Token.Kind.IDENTIFIER) {
                Ast.Ident name = ident("a function name");
                expectOperator(":", "after the function name '" + name.name() + "'");
                Ast.Signature signature = functionType();
                expectOperator(";", "after the function '" + name.name() + "'");
                members.add(new Ast.FunctionDecl(meta, name, signature));
            } else {
                throw expected("a type definition, 'use', or a function ('name: func(...)')", token);
            }
        }
        return members;
    }

    private Ast.UseDecl useDecl(Ast.ItemMeta meta) {
        next();
        Ast.UsePath path = usePath();
        expectOperator(".", "between the interface and the names it uses (as in 'use types.{name};')");
        expectOperator("{", "to start the list of used names");
        List<Ast.UseName> names = commaList("}", () -> {
            Ast.Ident name = ident("a type name to use");
            Optional<Ast.Ident> alias = Optional.empty();
            if (peek().isKeyword("as")) {
                next();
                alias = Optional.of(ident("a name after 'as'"));
            }
            return new Ast.UseName(name, alias);
        });
        // An empty list is valid WIT (wasm-tools accepts it): it names the interface and so still makes it a
        // dependency.
        expectOperator("}", "to end the list of used names");
        expectOperator(";", "after 'use'");
        return new Ast.UseDecl(meta, path, names);
    }

    private boolean isTypeDefinitionStart(Token token) {
        return token.kind() == Token.Kind.KEYWORD && TYPE_DEFINITION_KEYWORDS.contains(token.text());
    }

    private Ast.TypeDecl typeDecl(Ast.ItemMeta meta) {
        Token keyword = next();
        Ast.Ident name = ident("a name for the " + keyword.text());
        switch (keyword.text()) {
            case "type" -> {
                expectOperator("=", "after 'type " + name.name() + "'");
                Ast.TypeExpr type = type(0);
                expectOperator(";", "after the type alias '" + name.name() + "'");
                return new Ast.AliasDecl(meta, name, type);
            }
            case "record" -> {
                expectOperator("{", "to open record '" + name.name() + "'");
                List<Ast.Field> fields = commaList("}", () -> {
                    String docs = peek().docs();
                    Ast.Ident field = ident("a field name");
                    expectOperator(":", "after the field name '" + field.name() + "'");
                    return new Ast.Field(field, type(0), docs);
                });
                expectOperator("}", "to close record '" + name.name() + "'");
                return new Ast.RecordDecl(meta, name, fields);
            }
            case "variant" -> {
                expectOperator("{", "to open variant '" + name.name() + "'");
                List<Ast.Case> cases = commaList("}", () -> {
                    String docs = peek().docs();
                    Ast.Ident caseName = ident("a case name");
                    Optional<Ast.TypeExpr> payload = Optional.empty();
                    if (peek().isOperator("(")) {
                        next();
                        payload = Optional.of(type(0));
                        expectOperator(")", "after the payload of case '" + caseName.name() + "'");
                    }
                    return new Ast.Case(caseName, payload, docs);
                });
                expectOperator("}", "to close variant '" + name.name() + "'");
                requireMembers(cases, "variant", name, "case");
                return new Ast.VariantDecl(meta, name, cases);
            }
            case "enum" -> {
                expectOperator("{", "to open enum '" + name.name() + "'");
                List<Ast.Ident> cases = commaList("}", () -> ident("an enum case"));
                expectOperator("}", "to close enum '" + name.name() + "'");
                requireMembers(cases, "enum", name, "case");
                return new Ast.EnumDecl(meta, name, cases);
            }
            case "flags" -> {
                expectOperator("{", "to open flags '" + name.name() + "'");
                List<Ast.Ident> flags = commaList("}", () -> ident("a flag name"));
                expectOperator("}", "to close flags '" + name.name() + "'");
                return new Ast.FlagsDecl(meta, name, flags);
            }
            default -> {
                return resourceDecl(meta, name);
            }
        }
    }

    /** Variants and enums need a case (records and flags may be empty); the error is on the type's name. */
    private void requireMembers(List<?> members, String what, Ast.Ident name, String member) {
        if (members.isEmpty()) {
            throw source.error(WitParseException.Kind.SYNTAX, name.location(),
                    what + " '" + name.name() + "' must have at least one " + member);
        }
    }

    private Ast.ResourceDecl resourceDecl(Ast.ItemMeta meta, Ast.Ident name) {
        if (peek().isOperator(";")) {
            next();
            return new Ast.ResourceDecl(meta, name, List.of());
        }
        expectOperator("{", "or ';' after 'resource " + name.name() + "'");
        List<Ast.ResourceFunction> functions = new ArrayList<>();
        while (!peek().isOperator("}") && peek().kind() != Token.Kind.END_OF_FILE) {
            Ast.ItemMeta functionMeta = meta();
            Token token = peek();
            if (token.isKeyword("constructor")) {
                next();
                Ast.Ident ctorName = new Ast.Ident(name.name(), location(token));
                List<Ast.Param> params = params();
                Optional<Ast.TypeExpr> result = Optional.empty();
                if (peek().isOperator("->")) {
                    next();
                    result = Optional.of(type(0));
                }
                expectOperator(";", "after the constructor");
                functions.add(new Ast.ResourceFunction(functionMeta, Ast.ResourceFunction.Kind.CONSTRUCTOR,
                        ctorName, new Ast.Signature(params, result, location(token), false)));
            } else if (token.kind() == Token.Kind.IDENTIFIER) {
                Ast.Ident functionName = ident("a method name");
                expectOperator(":", "after the method name '" + functionName.name() + "'");
                Ast.ResourceFunction.Kind kind = Ast.ResourceFunction.Kind.METHOD;
                if (peek().isKeyword("static")) {
                    next();
                    kind = Ast.ResourceFunction.Kind.STATIC;
                }
                Ast.Signature signature = functionType();
                expectOperator(";", "after the function '" + functionName.name() + "'");
                functions.add(new Ast.ResourceFunction(functionMeta, kind, functionName, signature));
            } else {
                throw expected("'constructor(...)', 'name: func(...)' or 'name: static func(...)' in resource '"
                        + name.name() + "'", token);
            }
        }
        expectOperator("}", "to close resource '" + name.name() + "'");
        return new Ast.ResourceDecl(meta, name, functions);
    }

    /** {@code func(...) -> ty}, or WASI 0.3's {@code async func(...) -> ty}. */
    private Ast.Signature functionType() {
        boolean async = false;
        if (peek().isKeyword("async")) {
            next();
            async = true;
        }
        Token token = peek();
        if (!token.isKeyword("func")) {
            throw expected("'func'" + (async ? " after 'async'" : ""), token);
        }
        next();
        List<Ast.Param> params = params();
        Optional<Ast.TypeExpr> result = Optional.empty();
        if (peek().isOperator("->")) {
            next();
            result = Optional.of(type(0));
        }
        return new Ast.Signature(params, result, location(token), async);
    }

    private List<Ast.Param> params() {
        expectOperator("(", "to open the parameter list");
        List<Ast.Param> params = commaList(")", () -> {
            Ast.Ident name = ident("a parameter name");
            expectOperator(":", "after the parameter name '" + name.name() + "'");
            return new Ast.Param(name, type(0));
        });
        expectOperator(")", "to close the parameter list");
        return params;
    }

    // ---- worlds ----

    private Ast.WorldDecl worldDecl(Ast.ItemMeta meta) {
        next();
        Ast.Ident name = ident("a world name");
        expectOperator("{", "to open world '" + name.name() + "'");
        List<Ast.WorldMember> members = new ArrayList<>();
        while (!peek().isOperator("}") && peek().kind() != Token.Kind.END_OF_FILE) {
            Ast.ItemMeta memberMeta = meta();
            Token token = peek();
            if (token.isKeyword("import") || token.isKeyword("export")) {
                members.add(externDecl(memberMeta));
            } else if (token.isKeyword("use")) {
                members.add(useDecl(memberMeta));
            } else if (token.isKeyword("include")) {
                members.add(includeDecl(memberMeta));
            } else if (isTypeDefinitionStart(token)) {
                members.add(typeDecl(memberMeta));
            } else {
                throw expected("'import', 'export', 'include', 'use' or a type definition", token);
            }
        }
        expectOperator("}", "to close world '" + name.name() + "'");
        return new Ast.WorldDecl(meta, name, members);
    }

    private Ast.ExternDecl externDecl(Ast.ItemMeta meta) {
        boolean export = next().text().equals("export");
        // 'import name: ...' names the item; 'import ns:pkg/iface' starts the same way, but has a '/' after the
        // second identifier.
        if (peek().kind() == Token.Kind.IDENTIFIER && peek(1).isOperator(":")) {
            Token afterColon = peek(2);
            if (afterColon.isKeyword("func") || afterColon.isKeyword("async")) {
                Ast.Ident name = ident("a function name");
                next();
                Ast.Signature signature = functionType();
                expectOperator(";", "after the function '" + name.name() + "'");
                return new Ast.ExternDecl(meta, export, new Ast.ExternFunction(name, signature));
            }
            if (afterColon.isKeyword("interface")) {
                Ast.Ident name = ident("an interface name");
                next();
                next();
                expectOperator("{", "to open interface '" + name.name() + "'");
                List<Ast.InterfaceMember> members = interfaceMembers();
                expectOperator("}", "to close interface '" + name.name() + "'");
                return new Ast.ExternDecl(meta, export, new Ast.ExternInterface(name, members));
            }
            if (afterColon.kind() != Token.Kind.IDENTIFIER) {
                throw expected("'func', 'interface' or an interface path after '" + peek().text() + ":'",
                        afterColon);
            }
            if (!peek(3).isOperator("/")) {
                // 'import name: iface-path;' (🏷️): a plain name for a named interface. Written 'a:b', without
                // spaces, it is a package name, as the spec and wasm-tools lex it.
                boolean joined = peek(1).start() == peek(0).end() && peek(2).start() == peek(1).end();
                if (joined && !peek(3).isOperator(":")) {
                    throw error(peek(), "'" + peek().text() + ":" + afterColon.text() + "' is a package, which "
                            + "cannot be " + (export ? "exported" : "imported") + "; name an interface of it ('"
                            + peek().text() + ":" + afterColon.text() + "/name'), or write '" + peek().text() + ": "
                            + afterColon.text() + "' to " + (export ? "export" : "import") + " interface '"
                            + afterColon.text() + "' under the name '" + peek().text() + "'");
                }
                Ast.Ident label = ident("a name");
                next();
                Ast.UsePath path = usePath();
                expectOperator(";", "after the " + (export ? "export" : "import"));
                return new Ast.ExternDecl(meta, export, new Ast.ExternPath(path, Optional.of(label)));
            }
        }
        Ast.UsePath path = usePath();
        expectOperator(";", "after the " + (export ? "export" : "import"));
        return new Ast.ExternDecl(meta, export, new Ast.ExternPath(path, Optional.empty()));
    }

    private Ast.IncludeDecl includeDecl(Ast.ItemMeta meta) {
        next();
        Ast.UsePath world = usePath();
        if (!peek().isKeyword("with")) {
            expectOperator(";", "after 'include " + world + "' (or 'with { a as b }' to rename)");
            return new Ast.IncludeDecl(meta, world, List.of());
        }
        next();
        expectOperator("{", "after 'with'");
        List<Ast.IncludeName> renames = commaList("}", () -> {
            Ast.Ident from = ident("the name of an import or export to rename");
            expectKeyword("as", "in 'with { " + from.name() + " as new-name }'");
            return new Ast.IncludeName(from, ident("a new name after 'as'"));
        });
        Token close = expectOperator("}", "to close 'with { ... }'");
        if (renames.isEmpty()) {
            throw error(close, "'with { }' renames nothing; list at least one 'name as new-name'");
        }
        return new Ast.IncludeDecl(meta, world, renames);
    }

    // ---- paths, gates, types ----

    private Ast.UsePath usePath() {
        Token start = peek();
        Ast.Ident first = ident("an interface name or 'namespace:package/name'");
        if (!peek().isOperator(":")) {
            return new Ast.LocalPath(first);
        }
        next();
        Ast.Ident packageName = ident("a package name");
        if (peek().isOperator(":")) {
            throw error(peek(), "nested namespaces ('a:b:c/d') are not supported: they are a gated Component "
                    + "Model feature (🪺)");
        }
        expectOperator("/", "between the package and the interface or world name");
        Ast.Ident item = ident("an interface or world name");
        if (peek().isOperator("/")) {
            throw error(peek(), "nested packages ('a:b/c/d') are not supported: they are a gated Component "
                    + "Model feature (🪺)");
        }
        Optional<Version> version = Optional.empty();
        if (peek().isOperator("@")) {
            next();
            version = Optional.of(version());
        }
        checkPackageName(first, packageName);
        return new Ast.PackagePath(first, packageName, item, version, location(start));
    }

    /** The gates and doc comments in front of an item. */
    private Ast.ItemMeta meta() {
        Token first = peek();
        StringBuilder docs = new StringBuilder(first.docs());
        Optional<Version> since = Optional.empty();
        Optional<String> unstable = Optional.empty();
        Optional<Version> deprecated = Optional.empty();
        Token sinceOrUnstable = null;
        boolean externalId = false;
        while (peek().isOperator("@")) {
            Token at = next();
            Token name = next();
            if (name.kind() != Token.Kind.IDENTIFIER) {
                throw expected("'since', 'unstable' or 'deprecated' after '@'", name);
            }
            switch (name.text()) {
                case "since", "deprecated" -> {
                    expectOperator("(", "after '@" + name.text() + "'");
                    expectField("version", name.text());
                    Version version = version();
                    expectOperator(")", "after the version");
                    boolean isSince = name.text().equals("since");
                    if (isSince ? since.isPresent() : deprecated.isPresent()) {
                        throw error(at, "@" + name.text() + " appears twice on the same item");
                    }
                    if (isSince) {
                        if (unstable.isPresent()) {
                            throw error(at, "an item cannot be both @unstable and @since; when a feature "
                                    + "stabilizes, replace @unstable with @since");
                        }
                        since = Optional.of(version);
                        sinceOrUnstable = at;
                    } else {
                        deprecated = Optional.of(version);
                    }
                }
                case "unstable" -> {
                    expectOperator("(", "after '@unstable'");
                    expectField("feature", "unstable");
                    Ast.Ident feature = ident("a feature name");
                    expectOperator(")", "after the feature name");
                    if (unstable.isPresent()) {
                        throw error(at, "@unstable appears twice on the same item");
                    }
                    if (since.isPresent()) {
                        throw error(at, "an item cannot be both @since and @unstable; when a feature "
                                + "stabilizes, replace @unstable with @since");
                    }
                    unstable = Optional.of(feature.name());
                    sinceOrUnstable = at;
                }
                case "external-id" -> {
                    // 🏷️: the name the outside world knows the item by. Read and checked, not kept: it does not
                    // change what the item is.
                    expectOperator("(", "after '@external-id'");
                    Token id = next();
                    if (id.kind() != Token.Kind.STRING) {
                        throw expected("a string (as in '@external-id(\"db/1\")')", id);
                    }
                    expectOperator(")", "after the external id");
                    if (externalId) {
                        throw error(at, "@external-id appears twice on the same item");
                    }
                    externalId = true;
                }
                default -> throw error(name, "unknown annotation '@" + name.text()
                        + "'; WIT items take @since(version = ...), @unstable(feature = ...) and "
                        + "@deprecated(version = ...)");
            }
            if (!peek().docs().isEmpty()) {
                docs.append(docs.length() == 0 ? "" : "\n").append(peek().docs());
            }
        }
        if (deprecated.isPresent() && sinceOrUnstable == null) {
            throw source.error(WitParseException.Kind.SYNTAX, location(first),
                    "@deprecated must be paired with @since or @unstable (say since when the item exists)");
        }
        return new Ast.ItemMeta(docs.toString(), new Gates(since, unstable, deprecated), location(first));
    }

    private void expectField(String field, String annotation) {
        Token token = next();
        if (!(token.kind() == Token.Kind.IDENTIFIER && token.text().equals(field))) {
            throw expected("'" + field + "' in '@" + annotation + "(" + field + " = ...)'", token);
        }
        expectOperator("=", "after '" + field + "'");
    }

    /** A version right after '@' or '=': read from the text, since versions are not tokens (see {@link Lexer}). */
    private Version version() {
        lookahead.clear();
        int[] range = lexer.scanVersion(previousEnd);
        String text = source.text().substring(range[0], range[1]);
        if (text.isEmpty()) {
            Token found = next();
            throw expected("a version such as 1.2.3", found);
        }
        try {
            Version version = Version.parse(text);
            previousEnd = range[1];
            return version;
        } catch (InvalidNameException e) {
            String hint = e.suggestion().map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw source.error(WitParseException.Kind.SYNTAX, range[0],
                    "invalid version '" + text + "': it " + e.reason() + hint);
        }
    }

    private Ast.TypeExpr type(int depth) {
        Token token = next();
        // As wasm-tools counts: the outermost type is depth 0, so 100 levels are fine and the 101st is not.
        if (depth >= MAX_TYPE_DEPTH) {
            throw error(token, "types are nested more than " + MAX_TYPE_DEPTH + " levels deep");
        }
        SourceLocation location = location(token);
        if (token.kind() == Token.Kind.IDENTIFIER) {
            return new Ast.Named(new Ast.Ident(token.text(), location));
        }
        if (token.kind() != Token.Kind.KEYWORD) {
            throw expected("a type", token);
        }
        Optional<PrimitiveType> primitive = PrimitiveType.forWitName(token.text());
        if (primitive.isPresent()) {
            return new Ast.Primitive(primitive.get(), location);
        }
        switch (token.text()) {
            case "list" -> {
                expectOperator("<", "after 'list'");
                Ast.TypeExpr element = type(depth + 1);
                if (peek().isOperator(",")) {
                    next();
                    Token length = next();
                    if (length.kind() != Token.Kind.INTEGER) {
                        throw expected("a fixed length (as in 'list<u8, 4>')", length);
                    }
                    long size = length.text().length() > 10 ? -1 : Long.parseLong(length.text());
                    if (size < 0 || size > 0xFFFF_FFFFL) {
                        throw error(length, "the length " + length.text() + " of a fixed-length list does not fit "
                                + "in 32 bits");
                    }
                    expectOperator(">", "to close 'list<..., N>'");
                    return new Ast.FixedListOf(element, size, location);
                }
                expectOperator(">", "to close 'list<...>'");
                return new Ast.ListOf(element, location);
            }
            case "map" -> {
                expectOperator("<", "after 'map'");
                Ast.TypeExpr key = type(depth + 1);
                expectOperator(",", "between the key and value types of 'map<K, V>'");
                Ast.TypeExpr value = type(depth + 1);
                expectOperator(">", "to close 'map<...>'");
                return new Ast.MapOf(key, value, location);
            }
            case "stream", "future" -> {
                Optional<Ast.TypeExpr> payload = Optional.empty();
                if (peek().isOperator("<")) {
                    next();
                    payload = Optional.of(type(depth + 1));
                    expectOperator(">", "to close '" + token.text() + "<...>'");
                }
                return token.text().equals("stream") ? new Ast.StreamOf(payload, location)
                        : new Ast.FutureOf(payload, location);
            }
            case "error-context" -> {
                return new Ast.ErrorContext(location);
            }
            case "option" -> {
                expectOperator("<", "after 'option'");
                Ast.TypeExpr some = type(depth + 1);
                expectOperator(">", "to close 'option<...>'");
                return new Ast.OptionOf(some, location);
            }
            case "result" -> {
                if (!peek().isOperator("<")) {
                    return new Ast.ResultOf(Optional.empty(), Optional.empty(), location);
                }
                next();
                Optional<Ast.TypeExpr> ok;
                if (peek().isOperator("_")) {
                    next();
                    ok = Optional.empty();
                    expectOperator(",", "after '_' ('result<_, E>' has an error type but no ok type)");
                    Ast.TypeExpr err = type(depth + 1);
                    expectOperator(">", "to close 'result<...>'");
                    return new Ast.ResultOf(ok, Optional.of(err), location);
                }
                ok = Optional.of(type(depth + 1));
                Optional<Ast.TypeExpr> err = Optional.empty();
                if (peek().isOperator(",")) {
                    next();
                    err = Optional.of(type(depth + 1));
                }
                expectOperator(">", "to close 'result<...>'");
                return new Ast.ResultOf(ok, err, location);
            }
            case "tuple" -> {
                expectOperator("<", "after 'tuple'");
                List<Ast.TypeExpr> elements = commaList(">", () -> type(depth + 1));
                expectOperator(">", "to close 'tuple<...>'");
                return new Ast.TupleOf(elements, location);
            }
            case "borrow", "own" -> {
                expectOperator("<", "after '" + token.text() + "'");
                Ast.Ident resource = ident("a resource name");
                expectOperator(">", "to close '" + token.text() + "<...>'");
                HandleType.Ownership ownership =
                        token.text().equals("own") ? HandleType.Ownership.OWN : HandleType.Ownership.BORROW;
                return new Ast.Handle(ownership, resource, location);
            }
            default -> throw expected("a type", token);
        }
    }

    /** Items separated by commas, with an optional trailing comma, up to (not including) {@code close}. */
    private <T> List<T> commaList(String close, Supplier<T> item) {
        List<T> items = new ArrayList<>();
        while (!peek().isOperator(close)) {
            items.add(item.get());
            if (!peek().isOperator(",")) {
                break;
            }
            next();
        }
        return items;
    }

    // ---- tokens ----

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        while (lookahead.size() <= ahead) {
            if (!lookahead.isEmpty() && lookahead.get(lookahead.size() - 1).kind() == Token.Kind.END_OF_FILE) {
                return lookahead.get(lookahead.size() - 1);
            }
            if (lookahead.isEmpty()) {
                lexer.seek(previousEnd);
            }
            lookahead.add(lexer.next());
        }
        return lookahead.get(ahead);
    }

    private Token next() {
        Token token = peek();
        lookahead.remove(0);
        previousEnd = token.end();
        return token;
    }

    private Ast.Ident ident(String what) {
        Token token = peek();
        if (token.kind() == Token.Kind.IDENTIFIER) {
            next();
            return new Ast.Ident(token.text(), location(token));
        }
        if (token.kind() == Token.Kind.KEYWORD) {
            throw error(token, "expected " + what + ", found keyword '" + token.text() + "' (write '%"
                    + token.text() + "' to use a keyword as a name)");
        }
        throw expected(what, token);
    }

    private Token expectOperator(String operator, String context) {
        Token token = peek();
        if (!token.isOperator(operator)) {
            throw expected("'" + operator + "' " + context, token);
        }
        return next();
    }

    private void expectKeyword(String keyword, String context) {
        Token token = peek();
        if (!token.isKeyword(keyword)) {
            throw expected("'" + keyword + "' " + context, token);
        }
        next();
    }

    private SourceLocation location(Token token) {
        return source.location(token.start());
    }

    private WitParseException expected(String what, Token found) {
        return error(found, "expected " + what + ", found " + found.describe());
    }

    private WitParseException error(Token token, String message) {
        return source.error(WitParseException.Kind.SYNTAX, token.start(), message);
    }
}
