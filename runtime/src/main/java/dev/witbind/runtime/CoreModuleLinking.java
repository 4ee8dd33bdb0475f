package dev.witbind.runtime;

import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.LinkerInstance.InstanceDefinition;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreFunctionType;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.abi.CoreType;
import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.types.WitFunctionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves every import of a core module against a linker's root: the module string through the semver-aware
 * lookup at the root, the field in the instance found, then the core type against the host function's flattened WIT
 * type and the canonical options the function needs against what the module has. The linker's {@link Versioning}
 * (prerelease tracks, fallbacks, trap stubs, strict versions) applies through {@link ImportResolver}.
 */
final class CoreModuleLinking {
    /** {@code cabi_realloc(old_ptr, old_size, align, new_size) -> ptr}. */
    static final CoreFunctionType REALLOC_TYPE = new CoreFunctionType(
            List.of(CoreType.I32, CoreType.I32, CoreType.I32, CoreType.I32), List.of(CoreType.I32));

    private final ImportResolver resolver;

    CoreModuleLinking(ImportResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @throws WitLinkException listing every import that does not resolve
     */
    LinkPlan link(GuestModule guest) {
        LinkReport report = check(guest);
        if (!report.links()) {
            throw new WitLinkException(guest.name(), guest.imports().size(), report.unresolved());
        }
        return new LinkPlan(guest.name(), report.resolved());
    }

    /** How every import resolves, without failing. */
    LinkReport check(GuestModule guest) {
        CoreModule module = guest.coreModule();
        List<ImportBinding> bindings = new ArrayList<>();
        List<WitLinkException.Unresolved> unresolved = new ArrayList<>();
        List<ImportExplanation> explanation = new ArrayList<>();
        for (CoreImport guestImport : guest.imports()) {
            Optional<String> guestVersion = CompatibilityTrack.versionOf(GuestModule.interfaceOf(guestImport.module()))
                    .map(Object::toString);
            try {
                ImportBinding binding = resolve(guestImport, GuestModule.interfaceOf(guestImport.module()),
                        guest.importTrack(guestImport.module()), module);
                bindings.add(binding);
                explanation.add(binding.explanation());
            } catch (Unresolvable e) {
                unresolved.add(new WitLinkException.Unresolved(guestImport.module(), guestImport.field(),
                        e.getMessage()));
                explanation.add(new ImportExplanation(guestImport.qualifiedName(), e.outcome, guestVersion,
                        Optional.empty(), List.of(e.getMessage())));
            }
        }
        return new LinkReport(guest.name(), guest.imports().size(), bindings, unresolved, explanation);
    }

    /**
     * @param requested the interface the import's module string names (the string itself, or without the prefix of
     *     {@link GuestModule#interfaceOf})
     */
    private ImportBinding resolve(CoreImport guestImport, String requested, Optional<String> track, CoreModule module)
            throws Unresolvable {
        if (!guestImport.kind().equals("func")) {
            throw new Unresolvable("the guest imports a " + guestImport.kind()
                    + "; witbind guests import only functions and define their own memory");
        }
        ImportResolver.InstanceHit instanceHit = resolver.instance(requested, track)
                .orElseThrow(() -> new Unresolvable(noInstance(resolver.root(), requested, track)));
        if (!(instanceHit.hit().value() instanceof InstanceDefinition instanceDefinition)) {
            throw new Unresolvable("'" + instanceHit.name() + "' is a function, not an instance");
        }
        LinkerInstance instance = instanceDefinition.instance();
        String resolvedAs = instanceHit.describe();
        if (instance.table().getExact(guestImport.field()).orElse(null) instanceof InstanceDefinition) {
            throw new Unresolvable("'" + guestImport.field() + "' in " + resolvedAs + " is an instance, not a function");
        }
        ImportResolver.Served served = resolver.function(instanceHit, instance, requested, track, guestImport.field(),
                        ImportResolver.stubTypeOf(guestImport.type()))
                .orElseThrow(() -> new Unresolvable(resolvedAs + " has no function '" + guestImport.field()
                        + "'; it has: " + String.join(", ", instance.names())));
        String servedAs = served.outcome() == ImportExplanation.Outcome.FALLBACK
                ? "the fallback " + served.via().describe() : resolvedAs;
        checkSignature(guestImport, served.definition(), servedAs);
        checkCanonicalOptions(guestImport, served.definition().type(), module);
        List<String> findings = resolver.strictFindings(served, CompatibilityTrack.versionOf(requested));
        if (!findings.isEmpty() && resolver.strictness() == Versioning.Strictness.REFUSE) {
            throw new Unresolvable("strict versions refuse it: " + String.join("; ", findings),
                    ImportExplanation.Outcome.STRICT_REFUSED);
        }
        return new ImportBinding(guestImport, served, Optional.empty(), findings);
    }

    /** How messages name the instance a lookup found, and how it was found. */
    static String resolvedAs(NameMap.Hit<?> hit) {
        return "'" + hit.name() + "'" + switch (hit.resolution()) {
            case EXACT -> "";
            case TRACK -> " (the highest version on track " + hit.track().orElseThrow() + ")";
            case CANONICAL_NAME -> hit.requested().equals(hit.track().orElseThrow())
                    ? " (the highest version on the track of the canonical name " + hit.requested() + ")"
                    : " (registered under the canonical name of track " + hit.track().orElseThrow() + ")";
        };
    }

    private static void checkSignature(CoreImport guestImport, FunctionDefinition<?> function, String resolvedAs)
            throws Unresolvable {
        CoreSignature expected = CanonicalAbi.signature(function.type(), CanonicalAbi.Direction.LOWER);
        if (!guestImport.type().equals(Optional.of(CoreFunctionType.of(expected)))) {
            throw new Unresolvable("type mismatch: the guest imports it as " + guestImport.signature() + ", but '"
                    + function.name() + "' in " + resolvedAs + " is " + function.type() + ", whose core type is "
                    + expected);
        }
    }

    /** The memory and {@code cabi_realloc} the Canonical ABI needs for this function's values. */
    private static void checkCanonicalOptions(CoreImport guestImport, WitFunctionType type, CoreModule module)
            throws Unresolvable {
        CoreSignature signature = CanonicalAbi.signature(type, CanonicalAbi.Direction.LOWER);
        boolean usesMemory = signature.paramsByPointer() || signature.resultsByPointer()
                || type.params().stream().anyMatch(param -> CanonicalAbi.needsRealloc(param.type()));
        if (usesMemory && !module.definesMemory()) {
            throw new Unresolvable("'" + guestImport.field() + "' passes values through linear memory, but the guest "
                    + "defines no memory");
        }
        boolean needsRealloc = type.result().map(CanonicalAbi::needsRealloc).orElse(false);
        boolean hasRealloc = module.exportedFunction("cabi_realloc").equals(Optional.of(REALLOC_TYPE));
        if (needsRealloc && !hasRealloc) {
            throw new Unresolvable("'" + guestImport.field() + "' returns " + type.result().orElseThrow()
                    + ", which the host writes into memory it allocates with the guest's cabi_realloc, but the guest "
                    + "does not export cabi_realloc with type (i32, i32, i32, i32) -> (i32)");
        }
    }

    /** Why {@code requested} found no instance at {@code root}, with the versions the linker has. */
    static String noInstance(LinkerInstance root, String requested, Optional<String> track) {
        List<String> similar = root.table().namesLike(requested);
        String has = similar.isEmpty()
                ? "the linker has no version of it"
                : "the linker has " + String.join(", ", similar);
        if (track.isPresent()) {
            return "no instance '" + requested + "', and nothing on its track " + track.get() + "; " + has;
        }
        if (CompatibilityTrack.namedBy(requested).isPresent()) {
            return "no instance '" + requested + "', and nothing on the track this canonical name stands for (no "
                    + requested.substring(requested.indexOf('@') + 1) + ".x version); " + has;
        }
        return "no instance '" + requested + "', which " + whyNoTrack(requested) + "; " + has;
    }

    private static String whyNoTrack(String requested) {
        if (requested.indexOf('@') < 0) {
            return "has no version and so matches only exactly";
        }
        return CompatibilityTrack.versionOf(requested)
                .map(version -> version.isPrerelease()
                        ? "is a prerelease and so matches only exactly"
                        : "is a 0.0.x version and so matches only exactly")
                .orElse("has a version that is neither strict SemVer nor a canonversion (1, 0.2, 0.0.1) and so "
                        + "matches only exactly");
    }

    /** An import that does not resolve; collected into one {@link WitLinkException}. */
    private static final class Unresolvable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ImportExplanation.Outcome outcome;

        Unresolvable(String problem) {
            this(problem, ImportExplanation.Outcome.UNRESOLVED);
        }

        Unresolvable(String problem, ImportExplanation.Outcome outcome) {
            super(problem, null, false, false);
            this.outcome = outcome;
        }
    }
}
