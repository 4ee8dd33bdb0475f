package dev.witbind.wit.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.TypeRef;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.ErrorContextType;
import dev.witbind.wit.types.FixedListType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.FutureType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.MapType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.StreamType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Valid WIT for every construct of the stable text format, and the model it resolves to. */
class ValidWitTest {

    private static ResolvedWit wit(String text) {
        return WitPackages.parse("test.wit", text);
    }

    private static WitInterfaceDef iface(String text, String name) {
        return wit(text).root().iface(name).orElseThrow();
    }

    private static WitType type(WitInterfaceDef iface, String name) {
        return iface.type(name).orElseThrow().type();
    }

    @Test
    void packageWithVersionAndDocs() {
        ResolvedWit wit = wit("""
                /// The demo package.
                package local:demo@1.2.3-rc.1+build.7;
                interface empty {}
                """);
        assertEquals("local:demo@1.2.3-rc.1+build.7", wit.root().name().toString());
        assertEquals(Optional.of(Version.parse("1.2.3-rc.1+build.7")), wit.root().name().version());
        assertEquals("The demo package.", wit.root().docs());
        assertEquals(new SourceLocation("test.wit", 2, 1), wit.root().location());
        assertEquals(Optional.of(InterfaceName.parse("local:demo/empty@1.2.3-rc.1+build.7")),
                wit.root().iface("empty").orElseThrow().name());
    }

    @Test
    void primitiveAndAnonymousTypes() {
        WitInterfaceDef i = iface("""
                package local:demo;
                interface foo {
                    type t1 = u32;
                    type t2 = tuple<u32, u64>;
                    type t3 = string;
                    type t4 = option<u32>;
                    type t5 = result<_, t3>;
                    type t6 = result<string>;
                    type t7 = result<char, s8>;
                    type t8 = result;
                    type t9 = list<string>;
                    type t10 = t9;
                    type all = tuple<bool, s8, u8, s16, u16, s32, u32, s64, u64, f32, f64, char, string,>;
                }
                """, "foo");
        assertEquals(PrimitiveType.U32, type(i, "t1"));
        assertEquals(new TupleType(List.of(PrimitiveType.U32, PrimitiveType.U64)), type(i, "t2"));
        assertEquals(new OptionType(PrimitiveType.U32), type(i, "t4"));
        assertEquals(new ResultType(Optional.empty(), Optional.of(PrimitiveType.STRING)), type(i, "t5"));
        assertEquals(new ResultType(Optional.of(PrimitiveType.STRING), Optional.empty()), type(i, "t6"));
        assertEquals(new ResultType(Optional.of(PrimitiveType.CHAR), Optional.of(PrimitiveType.S8)), type(i, "t7"));
        assertEquals(new ResultType(Optional.empty(), Optional.empty()), type(i, "t8"));
        assertEquals(new ListType(PrimitiveType.STRING), type(i, "t10"));
        WitTypeDef t10 = i.type("t10").orElseThrow();
        assertEquals(WitTypeDef.Kind.ALIAS, t10.kind());
        assertEquals(Optional.of(new TypeRef("local:demo/foo", "t9")), t10.refersTo());
        assertEquals(13, ((TupleType) type(i, "all")).elements().size());
        assertEquals(List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "all"),
                List.copyOf(i.types().keySet()));
    }

    @Test
    void namedTypesKeepTheirNamesAndMayBeUsedBeforeTheyAreDefined() {
        WitInterfaceDef i = iface("""
                package local:demo;
                interface foo {
                    type people = list<person>;
                    /// A person.
                    record person {
                        /// Field docs are allowed (and not kept: RecordType has no place for them).
                        name: string,
                        age: u32,
                        has-lego-action-figure: bool,
                    }
                    variant filter { all, none, some(list<string>) }
                    enum color { red, green, blue, }
                    flags permissions { read, write, exec }
                }
                """, "foo");
        RecordType person = new RecordType("person", List.of(new RecordType.Field("name", PrimitiveType.STRING),
                new RecordType.Field("age", PrimitiveType.U32),
                new RecordType.Field("has-lego-action-figure", PrimitiveType.BOOL)));
        assertEquals(person, type(i, "person"));
        assertEquals(new ListType(person), type(i, "people"));
        assertEquals("A person.", i.type("person").orElseThrow().docs());
        assertEquals(WitTypeDef.Kind.RECORD, i.type("person").orElseThrow().kind());
        assertEquals(new VariantType("filter", List.of(VariantType.Case.of("all"), VariantType.Case.of("none"),
                VariantType.Case.of("some", new ListType(PrimitiveType.STRING)))), type(i, "filter"));
        assertEquals(new EnumType("color", List.of("red", "green", "blue")), type(i, "color"));
        assertEquals(new FlagsType("permissions", List.of("read", "write", "exec")), type(i, "permissions"));
        assertEquals(new SourceLocation("test.wit", 5, 12), i.type("person").orElseThrow().location());
    }

    @Test
    void resourcesDesugarIntoComponentModelFunctions() {
        WitInterfaceDef i = iface("""
                package local:demo;
                interface blobs {
                    resource blob {
                        constructor(init: list<u8>);
                        write: func(bytes: list<u8>);
                        read: func(n: u32) -> list<u8>;
                        merge: static func(lhs: borrow<blob>, rhs: borrow<blob>) -> blob;
                    }
                    resource blob2 {
                        constructor(init: list<u8>) -> result<blob2, string>;
                    }
                    resource lone;
                    type lone-alias = lone;
                    take: func(x: own<lone>, y: borrow<lone-alias>) -> lone-alias;
                }
                """, "blobs");
        ResourceType blob = new ResourceType("local:demo/blobs", "blob");
        ResourceType lone = new ResourceType("local:demo/blobs", "lone");
        assertEquals(List.of(blob, new ResourceType("local:demo/blobs", "blob2"), lone), i.resources());
        assertEquals(List.of("[constructor]blob", "[method]blob.write", "[method]blob.read", "[static]blob.merge",
                "[constructor]blob2", "take"), List.copyOf(i.functions().keySet()));

        WitFunctionDef constructor = i.function("[constructor]blob").orElseThrow();
        assertEquals(new PlainName(PlainName.Kind.CONSTRUCTOR, Optional.of("blob"), "blob"), constructor.name());
        assertEquals("func(init: list<u8>) -> blob", constructor.type().toString());
        assertEquals(Optional.of(HandleType.own(blob)), constructor.type().result());

        WitFunctionDef read = i.function("[method]blob.read").orElseThrow();
        assertEquals(PlainName.Kind.METHOD, read.kind());
        assertEquals(List.of(new WitParam("self", HandleType.borrow(blob)), new WitParam("n", PrimitiveType.U32)),
                read.type().params());
        assertEquals("func(lhs: borrow<blob>, rhs: borrow<blob>) -> blob",
                i.function("[static]blob.merge").orElseThrow().type().toString());
        assertEquals("func(init: list<u8>) -> result<blob2, string>",
                i.function("[constructor]blob2").orElseThrow().type().toString());
        assertEquals(4, i.functionsOf("blob").size());
        assertEquals(1, i.freestandingFunctions().size());

        // An alias of a resource is a resource too: it can be borrowed, and a bare use is an owned handle.
        WitTypeDef alias = i.type("lone-alias").orElseThrow();
        assertEquals(Optional.of(lone), alias.resource());
        assertEquals(List.of(new WitParam("x", HandleType.own(lone)), new WitParam("y", HandleType.borrow(lone))),
                i.function("take").orElseThrow().type().params());
        assertEquals(Optional.of(HandleType.own(lone)), i.function("take").orElseThrow().type().result());
    }

    @Test
    void escapedIdentifiersMayBeKeywords() {
        WitInterfaceDef i = iface("""
                package local:demo;
                interface %interface {
                    %variant: func(%enum: s32) -> %record;
                    record %record { %type: u8 }
                    %red-green-blue: func(%r: u32, g: u32, b: u32);
                    resource XML { parse-XML-document: static func(s: string) -> XML; }
                }
                """, "interface");
        assertEquals("func(enum: s32) -> record", i.function("variant").orElseThrow().type().toString());
        assertTrue(i.function("red-green-blue").isPresent());
        assertTrue(i.function("[static]XML.parse-XML-document").isPresent());
    }

    @Test
    void commentsAndDocComments() {
        WitInterfaceDef i = iface("""
                package local:demo@1.0.0;
                // a line comment
                /* a block /* nested */ comment */
                /// Line docs,
                /// second line.
                interface docs {
                    /**
                     * Block docs.
                     */
                    f: func();
                    //// four slashes are not docs
                    g: func();
                    /// docs before gates are kept
                    @since(version = 1.0.0)
                    h: func();
                }
                """, "docs");
        assertEquals("Line docs,\nsecond line.", i.docs());
        assertEquals("Block docs.", i.function("f").orElseThrow().docs());
        assertEquals("", i.function("g").orElseThrow().docs());
        assertEquals("docs before gates are kept", i.function("h").orElseThrow().docs());
    }

    @Test
    void featureGates() {
        ResolvedWit wit = WitPackages.parse("test.wit", """
                package local:demo@0.2.2;
                @since(version = 0.2.0)
                interface foo {
                    a: func();
                    @since(version = 0.2.1)
                    b: func();
                    @unstable(feature = fancier-foo)
                    d: func();
                    @since(version = 0.2.0)
                    @deprecated(version = 0.2.2)
                    e: func();
                    @unstable(feature = x) @deprecated(version = 0.2.2)
                    record r { a: u8 }
                    @since(version = 0.2.1)
                    use bar.{t};
                    resource res {
                        @since(version = 0.2.1)
                        constructor();
                        @unstable(feature = res-m)
                        m: func();
                    }
                }
                interface bar { type t = u8; }
                @unstable(feature = w)
                world w {
                    @since(version = 0.2.1)
                    import foo;
                    @since(version = 0.2.1)
                    include v;
                }
                world v { export x: func(); }
                """, WitOptions.ALL_FEATURES);
        WitInterfaceDef foo = wit.root().iface("foo").orElseThrow();
        Version v020 = Version.parse("0.2.0");
        Version v021 = Version.parse("0.2.1");
        assertEquals(Optional.of(v020), foo.gates().since());
        assertEquals(Gates.NONE, foo.function("a").orElseThrow().gates());
        assertEquals(Optional.of(v021), foo.function("b").orElseThrow().gates().since());
        assertEquals(new Gates(Optional.empty(), Optional.of("fancier-foo"), Optional.empty()),
                foo.function("d").orElseThrow().gates());
        Gates e = foo.function("e").orElseThrow().gates();
        assertEquals(new Gates(Optional.of(v020), Optional.empty(), Optional.of(Version.parse("0.2.2"))), e);
        assertTrue(e.isDeprecated());
        assertEquals("@since(version = 0.2.0) @deprecated(version = 0.2.2)", e.toString());
        assertTrue(foo.type("r").orElseThrow().gates().isUnstable());
        assertEquals(Optional.of(v021), foo.type("t").orElseThrow().gates().since());
        assertEquals(Optional.of(v021), foo.function("[constructor]res").orElseThrow().gates().since());
        assertEquals(Optional.of("res-m"), foo.function("[method]res.m").orElseThrow().gates().unstableFeature());
        WitWorld w = wit.root().world("w").orElseThrow();
        assertEquals(Optional.of("w"), w.gates().unstableFeature());
        assertEquals(Optional.of(v021), w.importNamed("local:demo/foo@0.2.2").orElseThrow().gates().since());
        assertTrue(w.exportNamed("x").isPresent());
    }

    @Test
    void useAcrossInterfacesWithRenames() {
        ResolvedWit wit = wit("""
                package local:demo;
                interface user {
                    use types.{errno, size as my-size, blob};
                    f: func(s: my-size, b: borrow<blob>) -> result<blob, errno>;
                }
                interface types {
                    enum errno { too-big, too-small }
                    type size = u32;
                    resource blob;
                }
                """);
        WitInterfaceDef user = wit.root().iface("user").orElseThrow();
        ResourceType blob = new ResourceType("local:demo/types", "blob");
        assertEquals("func(s: u32, b: borrow<blob>) -> result<blob, errno>",
                user.function("f").orElseThrow().type().toString());
        assertEquals(List.of(new WitParam("s", PrimitiveType.U32), new WitParam("b", HandleType.borrow(blob))),
                user.function("f").orElseThrow().type().params());
        WitTypeDef mySize = user.type("my-size").orElseThrow();
        assertEquals(WitTypeDef.Kind.USE, mySize.kind());
        assertEquals(Optional.of(new TypeRef("local:demo/types", "size")), mySize.refersTo());
        assertEquals(List.of(InterfaceName.parse("local:demo/types")), user.uses());
        // The used enum is the same value as the defining interface's.
        assertEquals(wit.root().iface("types").orElseThrow().type("errno").orElseThrow().type(),
                user.type("errno").orElseThrow().type());
    }

    @Test
    void topLevelUseAndNestedPackages() {
        ResolvedWit wit = wit("""
                package local:demo;

                use wasi:http/types@1.0.0;
                use wasi:http/types@2.0.0 as http-types2;
                use wasi:http/handler@1.0.0 as handler;

                interface my-interface {
                    use types.{request};
                    use http-types2.{request as request2};
                    f: func(a: request, b: request2);
                }

                world my-world {
                    import handler;
                    export handler;
                }

                package wasi:http@1.0.0 {
                    interface types { resource request; }
                    interface handler { use types.{request}; handle: func(r: request); }
                }

                package wasi:http@2.0.0 {
                    interface types { resource request; }
                }
                """);
        WitInterfaceDef mine = wit.root().iface("my-interface").orElseThrow();
        assertEquals(List.of(new WitParam("a", HandleType.own(new ResourceType("wasi:http/types@1.0.0", "request"))),
                new WitParam("b", HandleType.own(new ResourceType("wasi:http/types@2.0.0", "request")))),
                mine.function("f").orElseThrow().type().params());
        WitWorld world = wit.root().world("my-world").orElseThrow();
        assertEquals(List.of("wasi:http/types@1.0.0", "wasi:http/handler@1.0.0"), List.copyOf(world.imports().keySet()));
        assertEquals(List.of("wasi:http/handler@1.0.0"), List.copyOf(world.exports().keySet()));
        assertEquals(3, wit.packages().size());
        assertEquals(List.of("wasi:http@1.0.0", "wasi:http@2.0.0", "local:demo"),
                wit.packages().stream().map(p -> p.name().toString()).toList());
    }

    @Test
    void versionedReferencesMatchByCompatibilityTrack() {
        ResolvedWit wit = wit("""
                package local:demo;
                interface a { use wasi:io/streams@0.2.0.{input-stream}; }
                interface c { use wasi:io/streams@1.0.0.{input-stream}; }
                package wasi:io@0.2.12 { interface streams { resource input-stream; } }
                package wasi:io@0.2.3 { interface streams { resource input-stream; } }
                package wasi:io@1.4.0 { interface streams { resource input-stream; } }
                package wasi:io@1.4.1 { interface streams { resource input-stream; } }
                """);
        assertEquals(List.of(InterfaceName.parse("wasi:io/streams@0.2.12")), wit.root().iface("a").orElseThrow().uses());
        assertEquals(List.of(InterfaceName.parse("wasi:io/streams@1.4.1")), wit.root().iface("c").orElseThrow().uses());
        assertEquals("wasi:io/streams@0.2.12", wit.findInterface("wasi:io/streams@0.2.1").orElseThrow().id());
        assertEquals("wasi:io/streams@0.2.3", wit.findInterface("wasi:io/streams@0.2.3").orElseThrow().id());
        // Without a version, a reference needs exactly one loaded version.
        ResolvedWit single = wit("""
                package local:demo;
                interface b { use wasi:io/streams.{input-stream}; }
                package wasi:io@0.2.12 { interface streams { resource input-stream; } }
                """);
        assertEquals(List.of(InterfaceName.parse("wasi:io/streams@0.2.12")),
                single.root().iface("b").orElseThrow().uses());
    }

    @Test
    void worldsImportsExportsAndTransitiveImports() {
        ResolvedWit wit = wit("""
                package local:demo;
                interface shared { record metadata { size: u64 } }
                interface a { resource r; }
                interface b { use a.{r}; foo: func() -> r; }
                world my-world {
                    import host: interface {
                        use shared.{metadata};
                        get: func() -> metadata;
                    }
                    import log: func(msg: string);
                    export b;
                    export run: func(args: list<string>) -> result;
                    export wasi-cli: interface { go: func(); }
                    use shared.{metadata};
                    type size = u64;
                    import size-of: func(m: metadata) -> size;
                }
                world w2 { import a; export b; }
                """);
        WitWorld world = wit.root().world("my-world").orElseThrow();
        // 'shared' is implied by the world's own use and by 'host'; 'a' by the export 'b'.
        assertEquals(List.of("local:demo/shared", "host", "log", "size-of", "local:demo/a"),
                List.copyOf(world.imports().keySet()));
        assertEquals(List.of("local:demo/b", "run", "wasi-cli"), List.copyOf(world.exports().keySet()));
        WorldItem.InlineInterface host = assertInstanceOf(WorldItem.InlineInterface.class, world.imports().get("host"));
        assertTrue(host.target().isInline());
        assertEquals("local:demo/my-world#host", host.target().id());
        assertEquals("func() -> metadata", host.target().function("get").orElseThrow().type().toString());
        WorldItem.InterfaceRef implied = (WorldItem.InterfaceRef) world.imports().get("local:demo/a");
        assertTrue(implied.implied());
        assertEquals(List.of(InterfaceName.parse("local:demo/shared"), InterfaceName.parse("local:demo/a")),
                world.importedInterfaces());
        assertEquals(List.of(InterfaceName.parse("local:demo/b")), world.exportedInterfaces());
        assertEquals(List.of("metadata", "size"), List.copyOf(world.types().keySet()));
        assertEquals("size-of: func(m: metadata) -> u64", world.imports().get("size-of").toString());
        assertEquals("local:demo/my-world", world.id());

        WitWorld w2 = wit.root().world("w2").orElseThrow();
        assertFalse(((WorldItem.InterfaceRef) w2.imports().get("local:demo/a")).implied());
        assertEquals(List.of("local:demo/a"), List.copyOf(w2.imports().keySet()));
    }

    @Test
    void includeWithDeduplicationAndRenames() {
        ResolvedWit wit = wit("""
                package local:demo;
                interface a1 { f: func(); }
                interface b1 { f: func(); }
                world my-world-a { import a1; import b1; export c: func(); }
                world my-world-b { import a1; import b1; }
                world union-my-world-a {
                    include my-world-a;
                    include my-world-b;
                }
                world world-one { import a: func(); export e: interface { g: func(); } }
                world world-two { import a: func(); export e: interface { g: func(); } }
                world union-renamed {
                    include world-one;
                    include world-two with { a as b, e as e2 }
                }
                world extended {
                    include union-renamed;
                    import z: func();
                }
                """);
        WitWorld union = wit.root().world("union-my-world-a").orElseThrow();
        assertEquals(List.of("local:demo/a1", "local:demo/b1"), List.copyOf(union.imports().keySet()));
        assertEquals(List.of("c"), List.copyOf(union.exports().keySet()));

        WitWorld renamed = wit.root().world("union-renamed").orElseThrow();
        assertEquals(List.of("a", "b"), List.copyOf(renamed.imports().keySet()));
        assertEquals(List.of("e", "e2"), List.copyOf(renamed.exports().keySet()));
        assertEquals("b: func()", renamed.imports().get("b").toString());
        WorldItem.InlineInterface e2 = (WorldItem.InlineInterface) renamed.exports().get("e2");
        // Renaming changes the export's name, not the interface (nor its resources' identity).
        assertEquals("e", e2.target().label());
        assertEquals("local:demo/world-two#e", e2.target().id());

        WitWorld extended = wit.root().world("extended").orElseThrow();
        assertEquals(List.of("a", "b", "z"), List.copyOf(extended.imports().keySet()));
    }

    @Test
    void includeAcrossPackages() {
        ResolvedWit wit = wit("""
                package local:demo;
                world mine {
                    include wasi:io/imports@0.2.1;
                    import wasi:io/streams@0.2.0;
                }
                package wasi:io@0.2.12 {
                    interface poll { resource pollable; }
                    interface streams { use poll.{pollable}; }
                    world imports { import streams; }
                }
                """);
        WitWorld mine = wit.root().world("mine").orElseThrow();
        assertEquals(List.of("wasi:io/poll@0.2.12", "wasi:io/streams@0.2.12"), List.copyOf(mine.imports().keySet()));
        assertTrue(wit.findWorld("wasi:io/imports@0.2.0").isPresent());
    }

    @Test
    void whitespaceIsOptionalAndLineEndingsMayBeCrLf() {
        ResolvedWit wit = wit("package a:b;interface i{f:func(a:u8,b:list<list<u8>>)->result<_,u8>;}\r\n"
                + "world w{import i;export g:func();}");
        assertEquals("func(a: u8, b: list<list<u8>>) -> result<_, u8>",
                wit.root().iface("i").orElseThrow().function("f").orElseThrow().type().toString());
        ResolvedWit crlf = wit("package a:b;\r\ninterface i {\r\n  f: func();\r\n}\r\n");
        assertEquals(new SourceLocation("test.wit", 3, 3), crlf.root().iface("i").orElseThrow()
                .function("f").orElseThrow().location());
    }

    @Test
    void theSpecFilesystemExample() {
        ResolvedWit wit = wit("""
                package local:demo;

                interface types {
                    resource file {
                      read: func(off: u32, n: u32) -> list<u8>;
                      write: func(off: u32, bytes: list<u8>);
                    }
                }

                interface namespace {
                    use types.{file};
                    open: func(name: string) -> file;
                }
                """);
        WitInterfaceDef namespace = wit.root().iface("namespace").orElseThrow();
        assertEquals(Optional.of(HandleType.own(new ResourceType("local:demo/types", "file"))),
                namespace.function("open").orElseThrow().type().result());
        assertEquals("func(self: borrow<file>, off: u32, bytes: list<u8>)", wit.root().iface("types").orElseThrow()
                .function("[method]file.write").orElseThrow().type().toString());
    }

    // ---- what wasm-tools' wit-parser accepts (issue 11) ----

    @Test
    void unstableNeedsNoPackageVersionAndIsDroppedUnlessEnabled() {
        String text = """
                package local:demo;
                interface i {
                    @unstable(feature = fancy)
                    fancy: func() -> gated;
                    @unstable(feature = fancy)
                    type gated = u32;
                    plain: func();
                }
                """;
        WitInterfaceDef dropped = iface(text, "i");
        assertEquals(List.of("plain"), List.copyOf(dropped.functions().keySet()));
        assertTrue(dropped.types().isEmpty());
        WitInterfaceDef kept = WitPackages.parse("test.wit", text, WitOptions.withFeatures(java.util.Set.of("fancy")))
                .root().iface("i").orElseThrow();
        assertEquals(List.of("fancy", "plain"), List.copyOf(kept.functions().keySet()));
        assertEquals(Optional.of("fancy"), kept.function("fancy").orElseThrow().gates().unstableFeature());
        assertEquals(kept.functions().keySet(),
                WitPackages.parse("test.wit", text, WitOptions.ALL_FEATURES).root().iface("i").orElseThrow()
                        .functions().keySet());
    }

    @Test
    void itemsBehindADisabledFeatureAreDroppedBeforeTheirNamesResolve() {
        // The gated 'use' names an interface that dep:pkg does not have, and the gated world includes a world it
        // does not have: neither is resolved, since neither is part of the WIT (the package must be loaded, and a
        // name of this package must exist, as wasm-tools checks of every item).
        ResolvedWit wit = wit("""
                package local:demo;
                interface i {
                    @unstable(feature = next)
                    use dep:pkg/future-iface.{thing};
                    f: func();
                }
                @unstable(feature = next)
                world later {
                    @unstable(feature = next)
                    include dep:pkg/future-world;
                }
                world now {
                    @unstable(feature = next)
                    import dep:pkg/future-iface;
                    import i;
                }
                package dep:pkg {
                    interface today {}
                }
                """);
        assertTrue(wit.root().world("later").isEmpty());
        assertEquals(List.of("local:demo/i"), List.copyOf(wit.root().world("now").orElseThrow().imports().keySet()));
    }

    @Test
    void emptyRecordsFlagsTuplesAndUseLists() {
        WitInterfaceDef i = iface("""
                package local:demo;
                interface types { record t {} }
                interface i {
                    use types.{};
                    record nothing {}
                    flags none {}
                    type unit = tuple<>;
                    f: func(n: nothing) -> none;
                }
                """, "i");
        assertEquals(List.of(), assertInstanceOf(RecordType.class, type(i, "nothing")).fields());
        assertEquals(List.of(), assertInstanceOf(FlagsType.class, type(i, "none")).flags());
        assertEquals(List.of(), assertInstanceOf(TupleType.class, type(i, "unit")).elements());
        // An empty list still makes the interface a dependency.
        assertEquals(List.of(InterfaceName.parse("local:demo/types")), i.uses());
    }

    @Test
    void everySemverVersionIsAPackageVersion() {
        for (String version : List.of("1.0.1--", "1.0.0-0A.is.legal", "18446744073709551615.0.0",
                "1.2.3----RC-SNAPSHOT.12.9.1--.12+788")) {
            ResolvedWit wit = wit("package local:demo@" + version + ";\ninterface i {}\n"
                    + "world w { import i; }\n");
            assertEquals(version, wit.root().name().version().orElseThrow().toString());
            assertEquals(List.of("local:demo/i@" + version),
                    List.copyOf(wit.root().world("w").orElseThrow().imports().keySet()));
        }
    }

    @Test
    void includeRenamesAResourceThatTheIncludedWorldDefines() {
        WitWorld b = wit("""
                package local:demo;
                world a {
                    resource r {
                        constructor();
                        m: func();
                    }
                    import f: func(x: r) -> option<r>;
                }
                world b {
                    include a with { r as s }
                }
                """).root().world("b").orElseThrow();
        WitTypeDef s = b.types().get("s");
        assertEquals(WitTypeDef.Kind.USE, s.kind());
        assertEquals(Optional.of(new TypeRef("local:demo/a", "r")), s.refersTo());
        assertEquals("r", s.resource().orElseThrow().name());
        assertTrue(b.imports().containsKey("f"));
        assertTrue(b.imports().containsKey("[constructor]r"));
        assertTrue(b.imports().containsKey("[method]r.m"));
    }

    @Test
    void worldResourceFunctionsAreImports() {
        WitWorld w = wit("""
                package local:demo;
                world w {
                    resource r {
                        constructor(x: u32);
                        get: func() -> u32;
                        make: static func() -> r;
                    }
                    export run: func(x: borrow<r>);
                }
                """).root().world("w").orElseThrow();
        assertEquals(List.of("[constructor]r", "[method]r.get", "[static]r.make"), List.copyOf(w.imports().keySet()));
        assertEquals("func(self: borrow<r>) -> u32",
                ((WorldItem.Function) w.imports().get("[method]r.get")).function().type().toString());
    }

    @Test
    void aFileScopedUseMayReuseAnAliasOfAnotherFileAndShadowItsItems() {
        ResolvedWit wit = WitPackages.parse(List.of(
                new WitSource("a.wit", """
                        package local:demo;
                        use dep:pkg/types as name;
                        interface x { use name.{t}; }
                        """),
                new WitSource("b.wit", """
                        world name { import y: interface { use dep:pkg/types.{t}; } }
                        """),
                new WitSource("d.wit", """
                        use dep:pkg/types as name;
                        interface z { use name.{t}; }
                        """),
                new WitSource("c.wit", """
                        package dep:pkg { interface types { type t = u8; } }
                        """)), List.of());
        assertEquals(List.of(InterfaceName.parse("dep:pkg/types")), wit.root().iface("x").orElseThrow().uses());
        assertTrue(wit.root().world("name").isPresent());
    }

    @Test
    void wasi03FeaturesResolve() {
        ResolvedWit wit = wit("""
                package local:demo@0.3.0;
                interface io {
                    resource socket {
                        read: async func(n: u32) -> stream<u8>;
                        close: static async func(s: socket) -> future<result<_, string>>;
                    }
                    type address = list<u8, 4>;
                    type headers = map<string, list<string>>;
                    type bare = tuple<stream, future, error-context>;
                    connect: async func(to: address) -> result<socket, error-context>;
                    sync: func(h: headers) -> map<u32, bool>;
                }
                world w {
                    import io;
                    export run: async func() -> result;
                }
                """);
        WitInterfaceDef io = wit.root().iface("io").orElseThrow();
        assertEquals(new FixedListType(PrimitiveType.U8, 4), type(io, "address"));
        assertEquals(new MapType(PrimitiveType.STRING, new ListType(PrimitiveType.STRING)), type(io, "headers"));
        assertEquals(new TupleType(List.of(new StreamType(Optional.empty()), new FutureType(Optional.empty()),
                ErrorContextType.ERROR_CONTEXT)), type(io, "bare"));
        WitFunctionDef read = io.function("[method]socket.read").orElseThrow();
        assertTrue(read.async());
        assertEquals(Optional.of(new StreamType(Optional.of(PrimitiveType.U8))), read.type().result());
        assertEquals("[static]socket.close: async func(s: socket) -> future<result<_, string>>",
                io.function("[static]socket.close").orElseThrow().toString());
        assertTrue(io.function("connect").orElseThrow().async());
        assertFalse(io.function("sync").orElseThrow().async());
        WitFunctionDef run = ((WorldItem.Function) wit.root().world("w").orElseThrow().exports().get("run")).function();
        assertTrue(run.async());
        // What the parser reads, the Canonical ABI refuses by name: the runtime implements the synchronous subset.
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.witbind.wit.abi.CanonicalAbi.signature(read.type(),
                        dev.witbind.wit.abi.CanonicalAbi.Direction.LOWER));
        assertTrue(refused.getMessage().startsWith("the Canonical ABI of 'stream<u8>' is not implemented"),
                refused.getMessage());
    }

    @Test
    void namedInterfacesUnderPlainNamesAndExternalIds() {
        WitWorld w = wit("""
                package local:demo;
                interface store {
                    @external-id("DB.Bucket")
                    resource bucket { get: func(key: string) -> option<string>; }
                }
                world base { import cache: store; }
                world w {
                    @external-id("user-db-prod:region-a")
                    import primary: store;
                    import secondary: store;
                    export my-store: store;
                    import cache: func();
                    include base with { cache as my-cache }
                }
                """).root().world("w").orElseThrow();
        assertEquals(List.of("primary", "secondary", "cache", "my-cache"), List.copyOf(w.imports().keySet()));
        WorldItem.InterfaceRef primary = (WorldItem.InterfaceRef) w.imports().get("primary");
        assertEquals(Optional.of("primary"), primary.label());
        assertEquals("local:demo/store", primary.name().toString());
        assertEquals("my-store", w.exports().keySet().iterator().next());
        assertEquals("local:demo/store",
                ((WorldItem.InterfaceRef) w.imports().get("my-cache")).target().name().orElseThrow().toString());
    }
}
