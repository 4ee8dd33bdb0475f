package dev.witbind.wit.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.parser.JcoWit;
import dev.witbind.wit.parser.NeedsWasiWit;
import dev.witbind.wit.parser.WitOptions;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.WitPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real WASI WIT that jco 1.35.0 ships: its 0.2.10 set (wasi:io, wasi:clocks, wasi:sockets, a reduced copy
 * without worlds or feature gates, and with a workaround method on {@code network}) against 0.2.12 (the upstream
 * v0.2.12 text, docs and {@code @since} stripped).
 */
@NeedsWasiWit
class RealWasiCompatibilityTest {
    private static final List<String> WASI_0_2_12 = List.of(
            "wasi-io", "wasi-clocks", "wasi-random", "wasi-cli", "wasi-filesystem", "wasi-sockets", "wasi-http");

    private static Path builtin;

    /** Fetches jco's WIT with the parser tests' {@link JcoWit}, so that the npm download happens in one place. */
    @BeforeAll
    static void fetch() {
        builtin = JcoWit.builtin();
    }

    private static WitPackage load(String version, String root, List<String> deps) {
        Path base = builtin.resolve(version);
        List<Path> dependencies = deps.stream().filter(d -> !d.equals(root)).map(base::resolve).toList();
        return WitPackages.load(base.resolve(root), dependencies, WitOptions.ALL_FEATURES).root();
    }

    private static CompatibilityReport compare(String pkg) {
        List<String> deps = List.of("wasi-io", "wasi-clocks");
        return PackageCompatibility.compare(load("0.2.10", pkg, deps), load("0.2.12", pkg, deps));
    }

    @Test
    void io0210To0212OnlyAddsTheImportsWorld() {
        CompatibilityReport report = compare("wasi-io");
        assertEquals("""
                wasi:io@0.2.10 -> wasi:io@0.2.12 (track wasi:io@0.2): compatible addition
                  added:
                    world wasi:io/imports (world)
                """, report.describe());
        assertTrue(report.isCompatible());
        assertEquals(Map.of(), report.missing());
        assertTrue(report.hostProvides("wasi:io/streams@0.2.12", "[method]output-stream.blocking-write-and-flush"));
        assertTrue(report.hostProvides("poll", "poll"));
    }

    @Test
    void clocks0210To0212GatesTimezone() {
        CompatibilityReport report = compare("wasi-clocks");
        assertEquals("""
                wasi:clocks@0.2.10 -> wasi:clocks@0.2.12 (track wasi:clocks@0.2): not a compatible addition, 1 breaking change
                  breaking:
                    wasi:clocks/timezone: stable in wasi:clocks@0.2.10, but behind @unstable(feature = clocks-timezone) in wasi:clocks@0.2.12: a host of wasi:clocks@0.2.12 provides it only with that feature
                  added:
                    world wasi:clocks/imports (world)
                """, report.describe());
        assertEquals(Finding.Kind.NOW_UNSTABLE, report.findings().get(0).kind());
        // The other direction of the question: a 0.2.10 host has everything a 0.2.12 guest can call.
        assertEquals(Map.of(), report.missing());
        assertTrue(report.hostProvides("timezone", "display"));
        assertTrue(report.hostProvides("wasi:clocks/monotonic-clock", "subscribe-duration"));
    }

    @Test
    void sockets0210To0212DropsJcosWorkaroundMethodAndGatesNetworkErrorCode() {
        CompatibilityReport report = compare("wasi-sockets");
        assertEquals(List.of(
                "REMOVED wasi:sockets/network: [method]network.noop: removed",
                "NOW_UNSTABLE wasi:sockets/network: network-error-code: stable in wasi:sockets@0.2.10, but behind "
                        + "@unstable(feature = network-error-code) in wasi:sockets@0.2.12: a host of "
                        + "wasi:sockets@0.2.12 provides it only with that feature",
                "NOW_UNSTABLE wasi:sockets/network: type error: stable in wasi:sockets@0.2.10, but behind "
                        + "@unstable(feature = network-error-code) in wasi:sockets@0.2.12: a host of "
                        + "wasi:sockets@0.2.12 provides it only with that feature"),
                report.findings().stream().map(f -> f.kind() + " " + f).toList());
        assertEquals(List.of("world wasi:sockets/imports (world)"),
                report.additions().stream().map(Object::toString).toList());
        assertFalse(report.isCompatible());
        assertEquals(Optional.of("wasi:sockets@0.2"), report.track());
        // Every function of 0.2.12 (tcp, udp, ip-name-lookup, ...) is in 0.2.10 with the same type: the resources
        // of wasi:io@0.2.10 and @0.2.12 they use are one on track wasi:io@0.2.
        assertEquals(Map.of(), report.missing());
        assertTrue(report.hostProvides("tcp", "[method]tcp-socket.start-connect"));
        assertTrue(report.hostProvides("udp", "[method]udp-socket.stream"));
        assertTrue(report.hostProvides("network", "network-error-code"));
    }

    @Test
    void clocks0212To0210IsBackwards() {
        List<String> deps = List.of("wasi-io");
        CompatibilityReport report =
                PackageCompatibility.compare(load("0.2.12", "wasi-clocks", deps), load("0.2.10", "wasi-clocks", deps));
        assertEquals("""
                wasi:clocks@0.2.12 -> wasi:clocks@0.2.10 (track wasi:clocks@0.2): not a compatible addition, 1 breaking change
                  breaking:
                    world wasi:clocks/imports: world removed
                  warnings:
                    wasi:clocks: the newer version 0.2.10 precedes the older version 0.2.12; are the two packages swapped?
                  notes:
                    wasi:clocks/timezone: stable in wasi:clocks@0.2.10, was behind @unstable(feature = clocks-timezone) in wasi:clocks@0.2.12
                  not provided by a host of wasi:clocks@0.2.12 to a guest of wasi:clocks@0.2.10:
                    wasi:clocks/timezone: display (provided if feature)
                    wasi:clocks/timezone: utc-offset (provided if feature)
                """, report.describe());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasi-io", "wasi-clocks", "wasi-random", "wasi-cli", "wasi-filesystem", "wasi-sockets",
        "wasi-http"})
    void every0212PackageIsACompatibleAdditionOfItself(String pkg) {
        WitPackage wasi = load("0.2.12", pkg, WASI_0_2_12);
        CompatibilityReport report = PackageCompatibility.compare(wasi, load("0.2.12", pkg, WASI_0_2_12));
        assertTrue(report.isCompatible(), report::describe);
        assertEquals(List.of(), report.findings());
        assertEquals(List.of(), report.additions());
        // Only functions behind @unstable are short of PROVIDED.
        List<String> gated = wasi.interfaces().values().stream()
                .flatMap(i -> i.functions().values().stream()
                        .filter(f -> i.gates().isUnstable() || f.gates().isUnstable()
                                || f.resource().flatMap(i::type).map(t -> t.gates().isUnstable()).orElse(false))
                        .map(f -> wasi.interfaceName(i.label()).unversioned() + ": " + f.externName()))
                .sorted().toList();
        assertTrue(report.missing().values().stream().flatMap(m -> m.values().stream())
                .allMatch(a -> a == Availability.PROVIDED_IF_FEATURE), report::describe);
        List<String> notProvided = report.missing().entrySet().stream()
                .flatMap(e -> e.getValue().keySet().stream().map(f -> e.getKey() + ": " + f))
                .sorted().toList();
        assertEquals(gated, notProvided);
        assertEquals(pkg.equals("wasi-http") || pkg.equals("wasi-clocks") || pkg.equals("wasi-sockets"),
                !notProvided.isEmpty(), notProvided::toString);
    }

    @Test
    void wasiSocketsIsNotAnAdditionOfWasiIo() {
        CompatibilityReport report = PackageCompatibility.compare(load("0.2.12", "wasi-io", WASI_0_2_12),
                load("0.2.12", "wasi-sockets", WASI_0_2_12));
        assertEquals(List.of(Finding.Kind.DIFFERENT_PACKAGE),
                report.findings().stream().map(Finding::kind).toList());
        assertTrue(Stream.of("tcp", "udp").allMatch(i -> !report.missingFor(i).isEmpty()));
        assertEquals(Availability.UNLINKABLE, report.availability("tcp", "[method]tcp-socket.start-bind"));
    }
}
