package dev.witbind.wit.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.parser.WitOptions;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.WitPackage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written pairs in {@code src/test/resources/compat/}: additions only, breaking changes, feature gates. */
class PackageCompatibilityTest {

    private static WitPackage load(String pair, String which) {
        try {
            String name = "/compat/" + pair + "/" + which + ".wit";
            Path file = Path.of(PackageCompatibilityTest.class.getResource(name).toURI());
            return WitPackages.load(file, WitOptions.ALL_FEATURES).root();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static CompatibilityReport compare(String pair) {
        return PackageCompatibility.compare(load(pair, "older"), load(pair, "newer"));
    }

    private static List<String> strings(List<?> items) {
        return items.stream().map(Object::toString).toList();
    }

    /** The messages of the findings on one item. */
    private static List<String> on(CompatibilityReport report, String item) {
        return report.findings().stream().filter(f -> f.item().equals(item)).map(Finding::message).toList();
    }

    @Test
    void additionsOnlyAreACompatibleAddition() {
        CompatibilityReport report = compare("additions");
        assertTrue(report.isCompatible());
        assertTrue(report.isLinkable());
        assertEquals(Optional.of("example:kv@0.2"), report.track());
        assertEquals(List.of(), report.findings());
        // Only the outermost added items: the resource 'cursor' stands for its method, 'batch' for its function.
        assertEquals(List.of(
                "example:kv/batch (interface, since 0.2.2)",
                "example:kv/store: list-buckets (function, since 0.2.3)",
                "example:kv/store: watch (function, unstable feature watch)",
                "example:kv/types: [method]bucket.delete (function, since 0.2.2)",
                "example:kv/types: [static]bucket.exists (function, since 0.2.3)",
                "example:kv/types: enum mode (type, since 0.2.3)",
                "example:kv/types: resource cursor (resource, since 0.2.1)",
                "world example:kv/client (world, since 0.2.3)",
                "world example:kv/host: export stats (world export, since 0.2.3)",
                "world example:kv/host: import example:kv/batch (world import, since 0.2.2)"),
                strings(report.additions()));
    }

    @Test
    void additionsTellWhatAnOlderHostProvides() {
        CompatibilityReport report = compare("additions");
        assertTrue(report.hostProvides("types", "[constructor]bucket"));
        assertTrue(report.hostProvides("example:kv/types", "[method]bucket.get"));
        assertTrue(report.hostProvides("example:kv/store@0.2.3", "open"));
        assertFalse(report.hostProvides("store", "list-buckets"));
        assertEquals(Availability.MISSING, report.availability("types", "[method]cursor.next"));
        assertEquals(Availability.MISSING, report.availability("batch", "get-many"));
        assertEquals(List.of("list-buckets", "watch"), report.missingFor("store"));
        assertEquals(List.of("[method]bucket.delete", "[method]cursor.next", "[static]bucket.exists"),
                report.missingFor("example:kv/types"));
        assertEquals(Map.of(
                "example:kv/batch", Map.of("get-many", Availability.MISSING),
                "example:kv/store", Map.of("list-buckets", Availability.MISSING, "watch", Availability.MISSING),
                "example:kv/types", Map.of("[method]bucket.delete", Availability.MISSING,
                        "[method]cursor.next", Availability.MISSING, "[static]bucket.exists", Availability.MISSING)),
                report.missing());
    }

    @Test
    void queriesRejectWhatTheNewerVersionLacks() {
        CompatibilityReport report = compare("breaking");
        IllegalArgumentException function = assertThrows(IllegalArgumentException.class,
                () -> report.hostProvides("types", "remove"));
        assertEquals("example:files@1.4.0 has no function 'remove' in interface 'types'", function.getMessage());
        IllegalArgumentException iface = assertThrows(IllegalArgumentException.class,
                () -> report.missingFor("example:files/legacy"));
        assertEquals("example:files@1.4.0 has no interface 'example:files/legacy'", iface.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> report.missingFor("wasi:io/streams"));
        assertEquals("'wasi:io/streams' is not an interface of example:files", other.getMessage());
    }

    @Test
    void everyBreakingChangeIsAFinding() {
        CompatibilityReport report = compare("breaking");
        assertFalse(report.isCompatible());
        assertTrue(report.isLinkable());
        assertEquals(Optional.of("example:files@1"), report.track());
        assertEquals(List.of(), report.additions());
        assertEquals(report.findings(), report.breakingChanges());
        assertEquals(List.of(
                "example:files/legacy: interface removed",
                "example:files/types: [method]descriptor.kind: result changed: enum kind: case 'symlink' added",
                "example:files/types: [method]descriptor.mode: result changed: flags mode: flag 'append' added",
                "example:files/types: [method]descriptor.read: parameter 'at' changed from u64 to s64",
                "example:files/types: [method]descriptor.read: result changed: variant error: case 'busy' added",
                "example:files/types: [method]descriptor.stat: result changed: record stat: field 'created' added",
                "example:files/types: [method]descriptor.sync: parameters changed from (self: borrow<descriptor>) to "
                        + "(self: borrow<descriptor>, data-only: bool)",
                "example:files/types: [method]descriptor.sync: result changed: variant error: case 'busy' added",
                "example:files/types: [method]descriptor.write: parameter 'at' changed from u64 to s64",
                "example:files/types: [method]descriptor.write: result changed: variant error: case 'busy' added",
                "example:files/types: enum kind: case 'symlink' added",
                "example:files/types: exists: parameter 'path' changed from string to list<u8>",
                "example:files/types: flags mode: flag 'append' added",
                "example:files/types: open: parameter 'mode' changed: flags mode: flag 'append' added",
                "example:files/types: open: result changed: variant error: case 'busy' added",
                "example:files/types: record stat: field 'created' added",
                "example:files/types: remove: removed",
                "example:files/types: rename: parameter 1 renamed from 'src' to 'source' (parameter names are part of "
                        + "a Component Model function type)",
                "example:files/types: rename: result changed: variant error: case 'busy' added",
                "example:files/types: resource watcher: removed",
                "example:files/types: type offset: changed from u64 to s64",
                "example:files/types: variant error: case 'busy' added",
                "world example:files/app: export version: removed",
                "world example:files/app: import clock: now: result changed from u64 to u32",
                "world example:files/app: import dep:time/clock: changed from dep:time/clock@1.2.0 to "
                        + "dep:time/clock@2.0.0, which is not on its compatibility track",
                "world example:files/app: import example:files/legacy: removed"),
                strings(report.findings()));
    }

    @Test
    void removedFunction() {
        CompatibilityReport report = compare("breaking");
        Finding removed = report.findings().stream()
                .filter(f -> f.item().equals("example:files/types: remove")).findFirst().orElseThrow();
        assertEquals(Finding.Kind.REMOVED, removed.kind());
        assertEquals(Finding.Severity.BREAKING, removed.severity());
        // A removed resource is one finding, not one per method.
        assertEquals(List.of("removed"), on(report, "example:files/types: resource watcher"));
        assertTrue(report.findings().stream().noneMatch(f -> f.item().contains("watcher.next")));
    }

    @Test
    void changedParameterTypeAndRenamedParameter() {
        CompatibilityReport report = compare("breaking");
        assertEquals(List.of("parameter 'path' changed from string to list<u8>"),
                on(report, "example:files/types: exists"));
        assertEquals(List.of("parameter 1 renamed from 'src' to 'source' (parameter names are part of a Component "
                + "Model function type)", "result changed: variant error: case 'busy' added"),
                on(report, "example:files/types: rename"));
        assertEquals(Availability.CHANGED, report.availability("types", "rename"));
        assertFalse(report.hostProvides("types", "exists"));
    }

    @Test
    void addedCasesAndFieldsChangeTheTypeAndEveryFunctionThatUsesIt() {
        CompatibilityReport report = compare("breaking");
        assertEquals(List.of("case 'busy' added"), on(report, "example:files/types: variant error"));
        assertEquals(List.of("field 'created' added"), on(report, "example:files/types: record stat"));
        assertEquals(List.of("result changed: record stat: field 'created' added"),
                on(report, "example:files/types: [method]descriptor.stat"));
        assertEquals(Map.of("example:files/types", Map.of(
                "[method]descriptor.kind", Availability.CHANGED,
                "[method]descriptor.mode", Availability.CHANGED,
                "[method]descriptor.read", Availability.CHANGED,
                "[method]descriptor.stat", Availability.CHANGED,
                "[method]descriptor.sync", Availability.CHANGED,
                "[method]descriptor.write", Availability.CHANGED,
                "exists", Availability.CHANGED,
                "open", Availability.CHANGED,
                "rename", Availability.CHANGED)), report.missing());
    }

    @Test
    void featureGates() {
        CompatibilityReport report = compare("gates");
        assertEquals(List.of(
                "SINCE_INCONSISTENT example:gates/api: a: example:gates@0.2.4 says @since(version = 0.2.3), after "
                        + "0.2.1, yet example:gates@0.2.1 has it",
                "SINCE_INCONSISTENT example:gates/api: b: example:gates@0.2.4 says @since(version = 0.2.0), yet "
                        + "example:gates@0.2.1 lacks it",
                "NOW_UNSTABLE example:gates/api: c: stable in example:gates@0.2.1, but behind @unstable(feature = "
                        + "fancy) in example:gates@0.2.4: a host of example:gates@0.2.4 provides it only with that "
                        + "feature",
                "STABILIZED example:gates/api: d: stable in example:gates@0.2.4, was behind @unstable(feature = exp) "
                        + "in example:gates@0.2.1",
                "UNSTABLE_CHANGED example:gates/api: e: removed (behind @unstable(feature = exp) in "
                        + "example:gates@0.2.1, so without a compatibility promise)",
                "UNSTABLE_CHANGED example:gates/api: f: parameter 'x' changed from u32 to u64 (behind "
                        + "@unstable(feature = exp) in example:gates@0.2.1, so without a compatibility promise)",
                "DEPRECATED example:gates/api: g: deprecated in example:gates@0.2.4 (@deprecated(version = 0.2.4))",
                // Reported once, on the interface, not again on its function.
                "NOW_UNSTABLE example:gates/extra: stable in example:gates@0.2.1, but behind @unstable(feature = "
                        + "extras) in example:gates@0.2.4: a host of example:gates@0.2.4 provides it only with that "
                        + "feature"),
                report.findings().stream().map(f -> f.kind() + " " + f).toList());
        assertFalse(report.isCompatible());
        assertEquals(2, report.breakingChanges().size());
        assertEquals(2, report.findings(Finding.Severity.WARNING).size());
        assertEquals(4, report.findings(Finding.Severity.NOTE).size());

        assertEquals(Availability.PROVIDED, report.availability("api", "c"));
        assertEquals(Availability.PROVIDED_IF_FEATURE, report.availability("api", "d"));
        assertEquals(Availability.CHANGED, report.availability("api", "f"));
        assertEquals(Availability.MISSING, report.availability("api", "b"));
        assertFalse(report.hostProvides("api", "d"));
        assertEquals(List.of("b", "d", "f"), report.missingFor("api"));
    }

    @Test
    void describeIsSortedAndComplete() {
        assertEquals("""
                example:gates@0.2.1 -> example:gates@0.2.4 (track example:gates@0.2): not a compatible addition, 2 breaking changes
                  breaking:
                    example:gates/api: c: stable in example:gates@0.2.1, but behind @unstable(feature = fancy) in example:gates@0.2.4: a host of example:gates@0.2.4 provides it only with that feature
                    example:gates/extra: stable in example:gates@0.2.1, but behind @unstable(feature = extras) in example:gates@0.2.4: a host of example:gates@0.2.4 provides it only with that feature
                  warnings:
                    example:gates/api: a: example:gates@0.2.4 says @since(version = 0.2.3), after 0.2.1, yet example:gates@0.2.1 has it
                    example:gates/api: b: example:gates@0.2.4 says @since(version = 0.2.0), yet example:gates@0.2.1 lacks it
                  notes:
                    example:gates/api: d: stable in example:gates@0.2.4, was behind @unstable(feature = exp) in example:gates@0.2.1
                    example:gates/api: e: removed (behind @unstable(feature = exp) in example:gates@0.2.1, so without a compatibility promise)
                    example:gates/api: f: parameter 'x' changed from u32 to u64 (behind @unstable(feature = exp) in example:gates@0.2.1, so without a compatibility promise)
                    example:gates/api: g: deprecated in example:gates@0.2.4 (@deprecated(version = 0.2.4))
                  added:
                    example:gates/api: b (function, since 0.2.0)
                  not provided by a host of example:gates@0.2.1 to a guest of example:gates@0.2.4:
                    example:gates/api: b (missing)
                    example:gates/api: d (provided if feature)
                    example:gates/api: f (changed)
                """, compare("gates").describe());
        assertEquals("""
                example:kv@0.2.0 -> example:kv@0.2.0 (track example:kv@0.2): compatible addition
                """, PackageCompatibility.compare(load("additions", "older"), load("additions", "older")).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"additions", "breaking", "gates"})
    void everyVersionIsACompatibleAdditionOfItself(String pair) {
        for (String which : List.of("older", "newer")) {
            CompatibilityReport report = PackageCompatibility.compare(load(pair, which), load(pair, which));
            assertTrue(report.isCompatible(), report::describe);
            assertEquals(List.of(), report.additions());
            // A host lacks nothing, but its @unstable functions only with their features.
            assertTrue(report.missing().values().stream().flatMap(m -> m.values().stream())
                    .allMatch(a -> a == Availability.PROVIDED_IF_FEATURE), report::describe);
            // Only @since claims about versions after the package's own can remain.
            assertTrue(report.findings().stream().allMatch(f -> f.kind() == Finding.Kind.SINCE_INCONSISTENT),
                    report::describe);
        }
    }

    @Test
    void swappedVersionsAreReportedAndTheAdditionsBecomeRemovals() {
        CompatibilityReport report =
                PackageCompatibility.compare(load("additions", "newer"), load("additions", "older"));
        assertFalse(report.isCompatible());
        assertEquals(List.of("the newer version 0.2.0 precedes the older version 0.2.3; are the two packages swapped?"),
                on(report, "example:kv"));
        assertEquals(List.of("interface removed"), on(report, "example:kv/batch"));
        assertEquals(List.of("removed"), on(report, "example:kv/types: resource cursor"));
        assertEquals(List.of(), report.additions());
    }

    @Test
    void reportIsImmutable() {
        CompatibilityReport report = compare("breaking");
        assertThrows(UnsupportedOperationException.class, () -> report.findings().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.additions().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.missing().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> report.missing().get("example:files/types").clear());
    }
}
