package dev.witbind.wit.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.TypeRef;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitPackage;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitParam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real WASI 0.2 packages (as jco 1.35.0 ships them: 0.2.12, with docs and {@code @since} stripped, and 0.2.10)
 * and the project's own sample WIT resolve, with the facts bindings will rely on.
 */
@NeedsWasiWit
class RealWitTest {
    private static final List<String> WASI_PACKAGES =
            List.of("wasi-io", "wasi-clocks", "wasi-random", "wasi-cli", "wasi-filesystem", "wasi-sockets", "wasi-http");

    private static Path builtin;

    @BeforeAll
    static void fetch() {
        builtin = JcoWit.builtin();
    }

    /** One WASI 0.2.12 package as the root, every other one as a dependency. */
    private static ResolvedWit wasi(String root) {
        return wasi(root, WitOptions.DEFAULT);
    }

    private static ResolvedWit wasi(String root, WitOptions options) {
        Path base = builtin.resolve("0.2.12");
        List<Path> deps = WASI_PACKAGES.stream().filter(p -> !p.equals(root)).map(base::resolve).toList();
        return WitPackages.load(base.resolve(root), deps, options);
    }

    private static WitInterfaceDef iface(ResolvedWit wit, String name) {
        return wit.findInterface(name).orElseThrow(() -> new AssertionError("no interface " + name));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasi-io", "wasi-clocks", "wasi-random", "wasi-cli", "wasi-filesystem", "wasi-sockets",
        "wasi-http"})
    void everyWasi0212PackageResolves(String pkg) {
        ResolvedWit wit = wasi(pkg);
        assertEquals("wasi:" + pkg.substring("wasi-".length()) + "@0.2.12", wit.root().name().toString());
        assertEquals(7, wit.packages().size());
        assertFalse(wit.root().interfaces().isEmpty());
        // Dependencies come before their dependents.
        List<String> order = wit.packages().stream().map(p -> p.name().toString()).toList();
        for (WitPackage p : wit.packages()) {
            for (WitInterfaceDef i : p.interfaces().values()) {
                for (InterfaceName used : i.uses()) {
                    String usedPackage = used.namespace() + ":" + used.packageName() + "@" + used.version().orElseThrow();
                    assertTrue(order.indexOf(usedPackage) <= order.indexOf(p.name().toString()), used + " in " + order);
                }
            }
        }
    }

    @Test
    void ioStreamsOutputStream() {
        WitInterfaceDef streams = iface(wasi("wasi-io"), "wasi:io/streams@0.2.12");
        ResourceType outputStream = new ResourceType("wasi:io/streams@0.2.12", "output-stream");
        assertTrue(streams.resources().contains(outputStream));

        WitFunctionDef write = streams.function("[method]output-stream.blocking-write-and-flush").orElseThrow();
        assertEquals(PlainName.Kind.METHOD, write.kind());
        assertEquals(Optional.of("output-stream"), write.resource());
        assertEquals(List.of(new WitParam("self", HandleType.borrow(outputStream)),
                new WitParam("contents", new ListType(PrimitiveType.U8))), write.type().params());
        ResultType result = assertInstanceOf(ResultType.class, write.type().result().orElseThrow());
        assertEquals(Optional.empty(), result.ok());
        VariantType streamError = assertInstanceOf(VariantType.class, result.err().orElseThrow());
        assertEquals("stream-error", streamError.name());
        assertEquals("func(self: borrow<output-stream>, contents: list<u8>) -> result<_, stream-error>",
                write.type().toString());

        // stream-error's payload is the 'error' resource of wasi:io/error, brought in with 'use'.
        ResourceType error = new ResourceType("wasi:io/error@0.2.12", "error");
        assertEquals(VariantType.Case.of("last-operation-failed", HandleType.own(error)), streamError.cases().get(0));
        WitTypeDef used = streams.type("error").orElseThrow();
        assertEquals(WitTypeDef.Kind.USE, used.kind());
        assertEquals(Optional.of(error), used.resource());
        assertEquals(Optional.of(new TypeRef("wasi:io/error@0.2.12", "error")), used.refersTo());
        assertEquals(List.of("wasi:io/error@0.2.12", "wasi:io/poll@0.2.12"),
                streams.uses().stream().map(Object::toString).toList());

        assertEquals("func(self: borrow<output-stream>, src: borrow<input-stream>, len: u64) -> result<u64, "
                + "stream-error>", streams.function("[method]output-stream.splice").orElseThrow().type().toString());
        WitFunctionDef poll = iface(wasi("wasi-io"), "wasi:io/poll@0.2.12").function("poll").orElseThrow();
        assertEquals("func(in: list<borrow<pollable>>) -> list<u32>", poll.type().toString());
    }

    @Test
    void clocksTimezoneIsUnstable() {
        // Behind a feature that is not enabled, the interface is dropped, as wasm-tools drops it by default.
        assertTrue(wasi("wasi-clocks").findInterface("wasi:clocks/timezone@0.2.12").isEmpty());
        ResolvedWit wit = wasi("wasi-clocks", WitOptions.withFeatures(Set.of("clocks-timezone")));
        WitInterfaceDef timezone = iface(wit, "wasi:clocks/timezone@0.2.12");
        Gates unstable = new Gates(Optional.empty(), Optional.of("clocks-timezone"), Optional.empty());
        assertEquals(unstable, timezone.gates());
        assertEquals(unstable, timezone.function("display").orElseThrow().gates());
        RecordType datetime = assertInstanceOf(RecordType.class,
                iface(wit, "wasi:clocks/wall-clock@0.2.12").type("datetime").orElseThrow().type());
        assertEquals(List.of(new RecordType.Field("seconds", PrimitiveType.U64),
                new RecordType.Field("nanoseconds", PrimitiveType.U32)), datetime.fields());
        // Aliases are resolved away: 'instant' is u64.
        WitInterfaceDef monotonic = iface(wit, "wasi:clocks/monotonic-clock@0.2.12");
        assertEquals("func() -> u64", monotonic.function("now").orElseThrow().type().toString());
        assertEquals(WitTypeDef.Kind.ALIAS, monotonic.type("instant").orElseThrow().kind());

        WitWorld imports = wit.root().world("imports").orElseThrow();
        assertEquals(unstable, imports.importNamed("wasi:clocks/timezone@0.2.12").orElseThrow().gates());
        // wall-clock is imported explicitly, and before timezone which uses it.
        assertEquals(List.of("wasi:io/poll@0.2.12", "wasi:clocks/monotonic-clock@0.2.12",
                "wasi:clocks/wall-clock@0.2.12", "wasi:clocks/timezone@0.2.12"), List.copyOf(imports.imports().keySet()));
        assertTrue(((WorldItem.InterfaceRef) imports.imports().get("wasi:io/poll@0.2.12")).implied());
    }

    @Test
    void httpProxyWorld() {
        ResolvedWit wit = wasi("wasi-http", WitOptions.ALL_FEATURES);
        WitWorld proxy = wit.findWorld("wasi:http/proxy@0.2.12").orElseThrow();
        assertEquals(List.of("wasi:http/incoming-handler@0.2.12"), List.copyOf(proxy.exports().keySet()));
        List<String> imports = List.copyOf(proxy.imports().keySet());
        for (String expected : List.of("wasi:clocks/monotonic-clock@0.2.12", "wasi:clocks/wall-clock@0.2.12",
                "wasi:random/random@0.2.12", "wasi:cli/stdout@0.2.12", "wasi:cli/stderr@0.2.12",
                "wasi:cli/stdin@0.2.12", "wasi:http/outgoing-handler@0.2.12", "wasi:http/types@0.2.12",
                "wasi:io/streams@0.2.12", "wasi:io/error@0.2.12", "wasi:io/poll@0.2.12")) {
            assertTrue(imports.contains(expected), expected + " in " + imports);
        }
        // Implied imports come before the first import that needs them.
        assertTrue(imports.indexOf("wasi:http/types@0.2.12") < imports.indexOf("wasi:http/outgoing-handler@0.2.12"));
        assertTrue(imports.indexOf("wasi:io/poll@0.2.12") < imports.indexOf("wasi:io/streams@0.2.12"));
        WorldItem.InterfaceRef types = (WorldItem.InterfaceRef) proxy.imports().get("wasi:http/types@0.2.12");
        assertTrue(types.implied());
        assertFalse(((WorldItem.InterfaceRef) proxy.imports().get("wasi:random/random@0.2.12")).implied());

        WitInterfaceDef httpTypes = types.target();
        WitFunctionDef informational =
                httpTypes.function("[method]response-outparam.send-informational").orElseThrow();
        assertEquals(Optional.of("informational-outbound-responses"), informational.gates().unstableFeature());
        WitFunctionDef handle = iface(wit, "wasi:http/incoming-handler@0.2.12").function("handle").orElseThrow();
        assertEquals("func(request: incoming-request, response-out: response-outparam)", handle.type().toString());
        WitFunctionDef constructor = httpTypes.function("[constructor]fields").orElseThrow();
        assertEquals(PlainName.Kind.CONSTRUCTOR, constructor.kind());
        assertEquals(Optional.of(HandleType.own(new ResourceType("wasi:http/types@0.2.12", "fields"))),
                constructor.type().result());
        assertEquals(PlainName.Kind.STATIC, httpTypes.function("[static]fields.from-list").orElseThrow().kind());
        // 'use wasi:io/error@0.2.12.{error as io-error}'
        WitTypeDef ioError = httpTypes.type("io-error").orElseThrow();
        assertEquals(Optional.of(new TypeRef("wasi:io/error@0.2.12", "error")), ioError.refersTo());
    }

    @Test
    void cliCommandWorld() {
        ResolvedWit wit = wasi("wasi-cli");
        WitWorld command = wit.root().world("command").orElseThrow();
        assertEquals(List.of("wasi:cli/run@0.2.12"), List.copyOf(command.exports().keySet()));
        for (String expected : List.of("wasi:cli/environment@0.2.12", "wasi:cli/exit@0.2.12",
                "wasi:filesystem/preopens@0.2.12", "wasi:filesystem/types@0.2.12", "wasi:sockets/tcp@0.2.12",
                "wasi:random/insecure-seed@0.2.12", "wasi:cli/terminal-stderr@0.2.12", "wasi:io/streams@0.2.12")) {
            assertTrue(command.imports().containsKey(expected), expected + " in " + command.imports().keySet());
        }
        WitFunctionDef run = iface(wit, "wasi:cli/run@0.2.12").function("run").orElseThrow();
        assertEquals(Optional.of(new ResultType(Optional.empty(), Optional.empty())), run.type().result());
        assertEquals("func(status: result)",
                iface(wit, "wasi:cli/exit@0.2.12").function("exit").orElseThrow().type().toString());
    }

    @Test
    void filesystemAndSockets() {
        ResolvedWit wit = wasi("wasi-sockets", WitOptions.ALL_FEATURES);
        WitInterfaceDef network = iface(wit, "wasi:sockets/network@0.2.12");
        assertEquals(Optional.of("network-error-code"), network.type("error").orElseThrow().gates().unstableFeature());
        WitInterfaceDef descriptors = iface(wasi("wasi-filesystem"), "wasi:filesystem/types@0.2.12");
        assertTrue(descriptors.resources().contains(new ResourceType("wasi:filesystem/types@0.2.12", "descriptor")));
        assertEquals(WitTypeDef.Kind.FLAGS, descriptors.type("descriptor-flags").orElseThrow().kind());
    }

    @Test
    void olderVersionsFindTheLoadedOneOnTheirTrack() {
        ResolvedWit wit = wasi("wasi-http");
        assertEquals("wasi:io/streams@0.2.12",
                wit.findInterface("wasi:io/streams@0.2.0").orElseThrow().id());
        assertEquals(Optional.empty(), wit.findInterface("wasi:io/streams@0.3.0"));
        assertEquals(Version.parse("0.2.12"), wit.findPackage("wasi:io").orElseThrow().name().version().orElseThrow());
    }

    @Test
    void aCanonicalNameFindsTheHighestVersionOfTheTrackItNames() {
        ResolvedWit wit = wasi("wasi-http");
        assertEquals("wasi:io/streams@0.2.12", wit.findInterface("wasi:io/streams@0.2").orElseThrow().id());
        assertEquals(Optional.empty(), wit.findInterface("wasi:io/streams@0.3"));
        assertEquals(Optional.empty(), wit.findInterface("wasi:io/streams@1"));
    }

    @Test
    void depsFolderLayout(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("http");
        Files.createDirectories(root.resolve("deps"));
        Files.copy(builtin.resolve("0.2.12/wasi-http/package.wit"), root.resolve("package.wit"));
        for (String dep : WASI_PACKAGES) {
            if (!dep.equals("wasi-http")) {
                Path dir = root.resolve("deps").resolve(dep);
                Files.createDirectories(dir);
                Files.copy(builtin.resolve("0.2.12").resolve(dep).resolve("package.wit"), dir.resolve("package.wit"));
            }
        }
        ResolvedWit wit = WitPackages.load(root);
        assertEquals("wasi:http@0.2.12", wit.root().name().toString());
        assertTrue(wit.findWorld("proxy").isPresent());
    }

    @Test
    void wasi0210Packages() {
        Path base = builtin.resolve("0.2.10");
        ResolvedWit wit = WitPackages.load(base.resolve("wasi-sockets"),
                List.of(base.resolve("wasi-io"), base.resolve("wasi-clocks")));
        assertEquals("wasi:sockets@0.2.10", wit.root().name().toString());
        assertTrue(wit.findInterface("wasi:sockets/tcp@0.2.10").isPresent());
    }

    /** WASI 0.3.0 as jco ships it: async functions, streams and futures in every package. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"wasi-cli", "wasi-clocks", "wasi-filesystem", "wasi-http",
        "wasi-random", "wasi-sockets"})
    void wasi030PackagesResolve(String root) {
        Path base = builtin.resolve("0.3.0");
        List<Path> deps = List.of("wasi-cli", "wasi-clocks", "wasi-filesystem", "wasi-http", "wasi-random",
                "wasi-sockets").stream().filter(p -> !p.equals(root)).map(base::resolve).toList();
        ResolvedWit wit = WitPackages.load(base.resolve(root), deps);
        assertTrue(wit.root().name().version().orElseThrow().toString().startsWith("0.3.0"), wit.root().name()::toString);
    }

    @Test
    void wasi030HttpHasAsyncFunctionsAndStreams() {
        Path base = builtin.resolve("0.3.0");
        ResolvedWit wit = WitPackages.load(base.resolve("wasi-http"), List.of(base.resolve("wasi-cli"),
                base.resolve("wasi-clocks"), base.resolve("wasi-filesystem"), base.resolve("wasi-random"),
                base.resolve("wasi-sockets")));
        WitInterfaceDef handler = wit.root().interfaces().values().stream()
                .filter(i -> i.label().equals("handler")).findFirst().orElseThrow();
        assertTrue(handler.functions().values().stream().allMatch(WitFunctionDef::async), handler::toString);
        assertTrue(wit.root().interfaces().values().stream().flatMap(i -> i.functions().values().stream())
                .anyMatch(f -> f.type().toString().contains("stream<u8>")));
    }

    @Test
    void wasiTlsDraftWithItsOwnDepsFolder() {
        ResolvedWit wit = WitPackages.load(builtin.resolve("wasi-tls-0.2.0-draft"));
        assertEquals("wasi:tls@0.2.0-draft", wit.root().name().toString());
        WitInterfaceDef types = iface(wit, "wasi:tls/types@0.2.0-draft");
        WitFunctionDef constructor = types.function("[constructor]client-handshake").orElseThrow();
        assertEquals("func(server-name: string, input: input-stream, output: output-stream) -> client-handshake",
                constructor.type().toString());
        assertEquals(PlainName.Kind.STATIC, types.function("[static]client-handshake.finish").orElseThrow().kind());
        assertEquals("Whether the host grants TLS connections. This query performs no IO.",
                types.function("is-available").orElseThrow().docs());
    }

    @Test
    void jcoNodePackageWithDocs() throws IOException {
        Path dir = builtin.resolve("jco-node-0.1.0");
        // jco:node uses wasi:tls, whose directory carries its own deps/ copy of wasi:io@0.2.12: the same text as
        // the 0.2.12 package, so the two are one package.
        List<Path> deps = Stream.concat(WASI_PACKAGES.stream().map(builtin.resolve("0.2.12")::resolve),
                Stream.of(builtin.resolve("wasi-tls-0.2.0-draft"))).toList();
        ResolvedWit wit = WitPackages.load(dir, deps);
        assertEquals("jco:node@0.1.0", wit.root().name().toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(wit.root().interfaces().size() >= files.count() - 1);
        }
        assertTrue(wit.root().iface("wasi").orElseThrow().docs().startsWith("Host initialisation for `node:wasi`."));
    }

    @Test
    void samplesGreeter() {
        Path greeter = Path.of(System.getProperty("basedir", ".")).resolve("../samples/src/main/wit/greeter.wit");
        ResolvedWit wit = WitPackages.load(greeter);
        WitInterfaceDef host = iface(wit, "example:greeter/host@0.2.1");
        assertEquals(List.of("log", "greet", "checksum", "shout", "repeat"), List.copyOf(host.functions().keySet()));
        assertEquals(Optional.of(Version.parse("0.2.0")), host.function("log").orElseThrow().gates().since());
        assertEquals(Optional.of(Version.parse("0.2.1")), host.function("shout").orElseThrow().gates().since());
        assertEquals("FNV-1a over `data`, with its offset basis xor'ed with `seed`.",
                host.function("checksum").orElseThrow().docs());
        assertEquals("func(c: char, times: u32) -> string", host.function("repeat").orElseThrow().type().toString());
        WitWorld world = wit.root().world("greeter").orElseThrow();
        assertEquals(List.of("example:greeter/host@0.2.1"), List.copyOf(world.imports().keySet()));
        assertEquals(List.of("run", "fingerprint"), List.copyOf(world.exports().keySet()));
        assertEquals("run: func(name: string) -> string", world.exports().get("run").toString());
    }
}
