package dev.witbind.runtime;

import dev.witbind.runtime.ImportExplanation.Outcome;
import dev.witbind.runtime.LinkerInstance.Definition;
import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.LinkerInstance.InstanceDefinition;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CoreFunctionType;
import dev.witbind.wit.abi.CoreType;
import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.names.Resolution;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The version rules of a linker's {@link Versioning}, in one place for core modules and components: which instance
 * a requested interface name finds (prerelease tracks), which function serves an import when that instance lacks it
 * (fallbacks, trap stubs), and what strict versions say of a function that links.
 */
final class ImportResolver {
    private final LinkerInstance root;
    private final LinkerInstance fallbacks;
    private final Versioning versioning;

    ImportResolver(LinkerInstance root, LinkerInstance fallbacks, Versioning versioning) {
        this.root = root;
        this.fallbacks = fallbacks;
        this.versioning = versioning;
    }

    LinkerInstance root() {
        return root;
    }

    /** Where a requested interface name landed, and whether a prerelease track took it there. */
    record InstanceHit(NameMap.Hit<Definition> hit, boolean viaPrereleaseTrack) {
        String name() {
            return hit.name();
        }

        /** How explanations and reports name the rule that found the instance. */
        Outcome outcome() {
            if (viaPrereleaseTrack) {
                return Outcome.PRERELEASE_TRACK;
            }
            return switch (hit.resolution()) {
                case EXACT -> Outcome.EXACT;
                case TRACK -> Outcome.TRACK;
                case CANONICAL_NAME -> Outcome.CANONICAL_NAME;
            };
        }

        /** How messages name the instance found, and how it was found. */
        String describe() {
            if (viaPrereleaseTrack) {
                return "'" + hit.name() + "' (the highest version on track " + hit.track().orElseThrow()
                        + ", the track of the prerelease's release)";
            }
            return CoreModuleLinking.resolvedAs(hit);
        }
    }

    /**
     * The definition {@code requested} finds at {@code level}: exactly, on {@code track}, and with prerelease tracks
     * on, a prerelease request on its release's track.
     */
    Optional<InstanceHit> lookup(LinkerInstance level, String requested, Optional<String> track) {
        Optional<NameMap.Hit<Definition>> hit = level.table().lookup(requested, track);
        if (hit.isPresent()) {
            return Optional.of(new InstanceHit(hit.get(), false));
        }
        return releaseTrack(requested)
                .flatMap(release -> level.table().lookup(requested, Optional.of(release)))
                .filter(found -> found.resolution() == Resolution.TRACK)
                .map(found -> new InstanceHit(found, true));
    }

    /** The instance a guest's request finds among the hosts. */
    Optional<InstanceHit> instance(String requested, Optional<String> track) {
        return lookup(root, requested, track);
    }

    /** The track of the release a prerelease request precedes, when prerelease tracks are on. */
    private Optional<String> releaseTrack(String requested) {
        if (!versioning.prereleaseTracks()) {
            return Optional.empty();
        }
        int at = requested.indexOf('@');
        return CompatibilityTrack.versionOf(requested)
                .flatMap(version -> CompatibilityTrack.ofRelease(requested.substring(0, at), version));
    }

    /**
     * A function that serves an import: the host's own, a fallback's, or a trap stub.
     *
     * @param instanceName the instance it comes from (for a trap stub, the host instance that lacks the function)
     */
    record Served(FunctionDefinition<?> definition, Outcome outcome, String instanceName, InstanceHit via) {}

    /**
     * The function {@code function} for a guest that asked for {@code requested} and found {@code host}: the host's
     * own, else a fallback's, else (trap stubs on, and {@code stubType} present) a stub that traps; empty when none.
     * A fallback or stub never replaces a function the host has, whatever its type.
     *
     * @param stubType the WIT type a stub would have (the guest's own view of the function)
     */
    Optional<Served> function(InstanceHit host, LinkerInstance hostInstance, String requested,
            Optional<String> track, String function, Optional<WitFunctionType> stubType) {
        Optional<Definition> own = hostInstance.table().getExact(function);
        if (own.isPresent()) {
            return own.filter(FunctionDefinition.class::isInstance)
                    .map(definition -> new Served((FunctionDefinition<?>) definition, host.outcome(), host.name(), host));
        }
        Optional<Served> fallback = lookup(fallbacks, requested, track)
                .flatMap(hit -> hit.hit().value() instanceof InstanceDefinition instance
                        ? instance.instance().table().getExact(function)
                                .filter(FunctionDefinition.class::isInstance)
                                .map(definition -> new Served((FunctionDefinition<?>) definition, Outcome.FALLBACK,
                                        hit.name(), hit))
                        : Optional.empty());
        if (fallback.isPresent() || !versioning.trapStubs() || stubType.isEmpty()) {
            return fallback;
        }
        return Optional.of(new Served(trapStub(function, requested, host.name(), stubType.get()), Outcome.TRAP_STUB,
                host.name(), host));
    }

    /** A function that traps when called, saying which function the guest's host lacks. */
    private static FunctionDefinition<Void> trapStub(String function, String requested, String hostName,
            WitFunctionType type) {
        String reason = "'" + function + "' is a trap stub: the guest imports it from " + requested + ", and the host"
                + " it links to, " + hostName + ", lacks it" + CompatibilityTrack.versionOf(requested)
                        .map(version -> " (the guest was built against " + version + ")").orElse("")
                + "; Versioning.withTrapStubs(true) bound it to this stub";
        HostCall trap = (cx, args) -> {
            throw new WitTrapException(reason);
        };
        return new FunctionDefinition<>(function, type, HostSource.none(), CheckedHostCall.handles(trap, type),
                Optional.empty());
    }

    /**
     * The WIT type of a trap stub for a core module's import, derived from its core type (each {@code i32},
     * {@code i64}, {@code f32}, {@code f64} as {@code s32}, {@code s64}, {@code f32}, {@code f64}): it flattens back
     * to exactly that core type. Empty when no WIT type does (more than 16 parameters or more than one result).
     */
    static Optional<WitFunctionType> stubTypeOf(Optional<CoreFunctionType> core) {
        if (core.isEmpty() || core.get().params().size() > 16 || core.get().results().size() > 1) {
            return Optional.empty();
        }
        List<WitParam> params = new ArrayList<>();
        for (CoreType param : core.get().params()) {
            params.add(new WitParam("p" + params.size(), witTypeOf(param)));
        }
        return Optional.of(new WitFunctionType(params, core.get().results().stream().findFirst()
                .map(ImportResolver::witTypeOf)));
    }

    private static WitType witTypeOf(CoreType core) {
        return switch (core) {
            case I32 -> PrimitiveType.S32;
            case I64 -> PrimitiveType.S64;
            case F32 -> PrimitiveType.F32;
            case F64 -> PrimitiveType.F64;
        };
    }

    /**
     * What strict versions find in a function that links: a host older than the version the guest imports, and a
     * function added (by the host's {@code @since}) after that version. Empty when strict versions are off, for trap
     * stubs, and when the versions are not known (a host registered under a canonical name has none).
     *
     * @param guestVersion the version the guest was built against
     */
    List<String> strictFindings(Served served, Optional<Version> guestVersion) {
        if (versioning.strictness() == Versioning.Strictness.OFF || served.outcome() == Outcome.TRAP_STUB
                || guestVersion.isEmpty()) {
            return List.of();
        }
        Version guest = guestVersion.get();
        List<String> findings = new ArrayList<>();
        CompatibilityTrack.versionOf(served.instanceName())
                .filter(host -> host.comparePrecedence(guest) < 0)
                .ifPresent(host -> findings.add("the guest imports " + guest + ", newer than the " + host + " of "
                        + served.instanceName()));
        served.definition().since()
                .filter(since -> since.comparePrecedence(guest) > 0)
                .ifPresent(since -> findings.add("'" + served.definition().name() + "' was added in " + since
                        + ", after the " + guest + " the guest imports"));
        return findings;
    }

    Versioning.Strictness strictness() {
        return versioning.strictness();
    }
}
