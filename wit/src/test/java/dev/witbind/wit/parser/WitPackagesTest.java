package dev.witbind.wit.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.ResourceType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading packages from disk: several files, deps/ with files and directories, nested deps, errors. */
class WitPackagesTest {

    private static Path resource(String name) {
        try {
            return Path.of(WitPackagesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void directoryWithDepsFolder() {
        ResolvedWit wit = WitPackages.load(resource("packages/app"));
        assertEquals("my:app@1.0.0", wit.root().name().toString());
        assertTrue(wit.root().docs().startsWith("The app package"));
        assertEquals(List.of("my:clock@1.2.0", "my:store@0.3.1", "my:app@1.0.0"),
                wit.packages().stream().map(p -> p.name().toString()).toList());

        WitInterfaceDef types = wit.root().iface("types").orElseThrow();
        ResourceType store = new ResourceType("my:store/kv@0.3.1", "store");
        assertEquals("func(s: borrow<store>) -> list<entry>", types.function("dump").orElseThrow().type().toString());
        assertEquals(HandleType.borrow(store), types.function("dump").orElseThrow().type().params().get(0).type());
        // 'use my:store/kv@0.3.0' found 0.3.1 on track my:store@0.3; kv's 'use my:clock/clock@1.0.0' found 1.2.0.
        assertEquals(List.of(InterfaceName.parse("my:store/kv@0.3.1")), types.uses());
        WitInterfaceDef kv = wit.findInterface("my:store/kv@0.3.1").orElseThrow();
        assertEquals(Optional.of(new OptionType(PrimitiveType.U64)),
                kv.function("[method]store.modified").orElseThrow().type().result());

        WitWorld app = wit.root().world("app").orElseThrow();
        assertEquals(List.of("my:clock/clock@1.2.0", "my:store/kv@0.3.1", "my:app/types@1.0.0"),
                List.copyOf(app.imports().keySet()));
        assertTrue(app.location().path().endsWith("world.wit"));
    }

    @Test
    void extraDependencyPathsAndSingleFileRoots() {
        Path deps = resource("packages/app/deps");
        ResolvedWit wit = WitPackages.load(deps.resolve("store"), List.of(deps.resolve("clock.wit")));
        assertEquals("my:store@0.3.1", wit.root().name().toString());
        ResolvedWit clock = WitPackages.load(deps.resolve("clock.wit"));
        assertEquals("my:clock@1.2.0", clock.root().name().toString());
    }

    @Test
    void everythingFileResolves() {
        ResolvedWit wit = WitPackages.load(resource("everything.wit"));
        assertEquals("local:everything@1.2.3", wit.root().name().toString());
        assertEquals(List.of("types", "user"), List.copyOf(wit.root().interfaces().keySet()));
        assertEquals(List.of("app", "base", "extended"), List.copyOf(wit.root().worlds().keySet()));
        assertEquals(List.of("a", "a2"),
                List.copyOf(wit.root().world("extended").orElseThrow().imports().keySet()));
    }

    @Test
    void aPackageDefinedTwiceDifferentlyIsAnError() {
        WitParseException e = assertThrows(WitParseException.class, () -> WitPackages.load(resource("packages/conflict")));
        assertEquals(WitParseException.Kind.RESOLVE, e.kind());
        assertTrue(e.path().endsWith("b/z.wit"), e.path());
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertTrue(e.reason().startsWith("package 'x:y@1.0.0' is defined twice with different contents: in "),
                e.reason());
    }

    @Test
    void filesOfOnePackageMustAgreeOnItsName() {
        WitParseException e = assertThrows(WitParseException.class, () -> WitPackages.load(resource("packages/mismatch")));
        assertTrue(e.path().endsWith("b.wit"), e.path());
        assertEquals(1, e.line());
        assertTrue(e.reason().startsWith("package 'my:b' does not match 'my:a' declared at "), e.reason());
        assertTrue(e.reason().endsWith("all files of " + resource("packages/mismatch") + " belong to one package"),
                e.reason());
    }

    @Test
    void inMemorySourcesWithDependencies() {
        ResolvedWit wit = WitPackages.parse(
                List.of(new WitSource("a.wit", "package my:a;\ninterface i { use dep:x/t@2.0.0.{n}; f: func(x: n); }"),
                        new WitSource("b.wit", "world w { import i; }")),
                List.of(List.of(new WitSource("deps/x.wit", "package dep:x@2.1.0;\ninterface t { type n = s8; }"))));
        assertEquals("func(x: s8)", wit.root().iface("i").orElseThrow().function("f").orElseThrow().type().toString());
        assertEquals(List.of("dep:x/t@2.1.0", "my:a/i"),
                List.copyOf(wit.root().world("w").orElseThrow().imports().keySet()));
        WitParseException e = assertThrows(WitParseException.class, () -> WitPackages.parse(
                List.of(new WitSource("a.wit", "package my:a;")), List.of(List.of(new WitSource("a.wit", "")))));
        assertEquals("two sources have the path 'a.wit'; paths name sources in errors, so they must differ",
                e.reason());
    }

    @Test
    void ioProblemsAreWitExceptions(@TempDir Path temp) throws IOException {
        WitParseException missing = assertThrows(WitParseException.class, () -> WitPackages.load(temp.resolve("nope")));
        assertEquals(WitParseException.Kind.IO, missing.kind());
        assertEquals(0, missing.line());
        assertTrue(missing.reason().startsWith("cannot read '" + temp.resolve("nope") + "': NoSuchFileException"),
                missing.reason());

        WitParseException empty = assertThrows(WitParseException.class, () -> WitPackages.load(temp));
        assertEquals("no .wit files in '" + temp + "'", empty.reason());

        Path latin1 = temp.resolve("bad.wit");
        Files.write(latin1, "package a:b; // caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        WitParseException encoding = assertThrows(WitParseException.class, () -> WitPackages.load(latin1));
        assertEquals("'" + latin1 + "' is not valid UTF-8", encoding.reason());
    }

    @Test
    void errorsRenderLocationReasonAndExcerpt() {
        WitParseException e = assertThrows(WitParseException.class, () -> WitPackages.parse("demo.wit", """
                package a:b;
                interface i {
                \tf: func(x: nope);
                }
                """));
        assertEquals("demo.wit", e.path());
        assertEquals(3, e.line());
        assertEquals(13, e.column());
        assertEquals(new SourceLocation("demo.wit", 3, 13), e.location());
        assertEquals("""
                demo.wit:3:13: unknown type 'nope' in interface 'a:b/i'; define it in this interface or bring it \
                in with 'use other-interface.{nope}'
                  |
                3 | \tf: func(x: nope);
                  | \t           ^""", e.getMessage());
    }

    @Test
    void columnsCountCodePoints() {
        WitParseException e = assertThrows(WitParseException.class,
                () -> WitPackages.parse("u.wit", "package a:b;\n/// 🎉 ünïcödé\ninterface 🎉 {}"));
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        assertTrue(e.excerpt().endsWith("\n  |           ^"), e.excerpt());
    }
}
