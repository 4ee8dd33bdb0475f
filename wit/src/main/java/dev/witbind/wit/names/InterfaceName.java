package dev.witbind.wit.names;

import dev.witbind.wit.Excerpt;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code interfacename}: {@code namespace:package/interface} with an optional {@code @version}, for example
 * {@code wasi:io/streams@0.2.1}. The namespace and package are lowercase kebab-case words; the interface is a
 * label (acronym fragments allowed); the version is strict SemVer 2.0 or a {@link CanonicalVersion canonversion}
 * ({@code wasi:io/streams@0.2}, the Explainer's {@code interfaceversion}). A canonversion is kept as written:
 * {@link #version()} is empty for it, never a made-up {@code 0.2.0}.
 *
 * <p>A value: parsed once, with its text and its {@linkplain #compatibilityTrack() compatibility track} computed
 * when it is made, so that linkers and name maps that are handed one never parse or derive anything again.
 */
public final class InterfaceName implements ExternName {
    private final String namespace;
    private final String packageName;
    private final String interfaceName;
    private final Optional<Version> version;
    private final Optional<CanonicalVersion> canonicalVersion;
    private final String text;
    private final Optional<String> track;

    private InterfaceName(String namespace, String packageName, String interfaceName, Optional<Version> version,
            Optional<CanonicalVersion> canonicalVersion) {
        this.namespace = namespace;
        this.packageName = packageName;
        this.interfaceName = interfaceName;
        this.version = version;
        String unversioned = namespace + ":" + packageName + "/" + interfaceName;
        // 0.0.x texts are SemVer and canonversions at once; any other name has at most one of the two
        this.canonicalVersion = canonicalVersion.isPresent() ? canonicalVersion
                : version.map(Version::toString).flatMap(CanonicalVersion::tryParse);
        String versionText = version.map(Version::toString).or(() -> canonicalVersion.map(CanonicalVersion::toString))
                .orElse(null);
        this.text = versionText == null ? unversioned : unversioned + "@" + versionText;
        this.track = version.flatMap(v -> CompatibilityTrack.of(unversioned, v));
    }

    /**
     * The name of interface {@code interfaceName} in package {@code namespace:packageName}, at {@code version}.
     *
     * @throws InvalidNameException when a part does not follow the grammar
     */
    public static InterfaceName of(String namespace, String packageName, String interfaceName,
            Optional<Version> version) {
        InterfaceName name = new InterfaceName(namespace, packageName, interfaceName, version, Optional.empty());
        if (Label.wordsProblem(namespace) != null || Label.wordsProblem(packageName) != null
                || Label.labelProblem(interfaceName) != null) {
            return parse(name.text); // reports the first broken part, with the parser's message
        }
        return name;
    }

    /**
     * Parses an interface name.
     *
     * @throws InvalidNameException naming the part that is wrong and why, with a corrected name where possible
     */
    public static InterfaceName parse(String text) {
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        int at = text.indexOf('@');
        if (colon < 0 || slash < colon) {
            throw new InvalidNameException(text, "the name",
                    "is not 'namespace:package/interface' (with an optional '@version')", null);
        }
        int end = at < 0 ? text.length() : at;
        if (slash > end) {
            throw new InvalidNameException(text, "the name", "has '@' before the '/interface' part", null);
        }
        String namespace = text.substring(0, colon);
        String packageName = text.substring(colon + 1, slash);
        String interfaceName = text.substring(slash + 1, end);
        String versionText = at < 0 ? null : text.substring(at + 1);

        String nsProblem = Label.wordsProblem(namespace);
        String pkgProblem = Label.wordsProblem(packageName);
        String ifaceProblem = Label.labelProblem(interfaceName);
        String versionProblemPart = null;
        String versionProblem = null;
        Optional<Version> version = Optional.empty();
        Optional<CanonicalVersion> canonicalVersion = Optional.empty();
        if (versionText != null) {
            version = Version.tryParse(versionText);
            canonicalVersion = version.isPresent() ? Optional.empty() : CanonicalVersion.tryParse(versionText);
            if (version.isEmpty() && canonicalVersion.isEmpty()) {
                try {
                    Version.parse(versionText);
                } catch (InvalidNameException e) {
                    versionProblemPart = e.part();
                    // digits and at most one dot: most likely a canonversion gone wrong (0.02, 01), so say both
                    versionProblem = versionText.matches("[0-9]+(\\.[0-9]*)?")
                            ? e.reason() + " (or, for a canonical name, a canonversion: 1, 0.2 or 0.0.1)"
                            : e.reason();
                }
            }
        }
        if (nsProblem == null && pkgProblem == null && ifaceProblem == null && versionProblem == null) {
            return new InterfaceName(namespace, packageName, interfaceName, version, canonicalVersion);
        }
        String suggestion = suggestion(namespace, packageName, interfaceName, versionText);
        if (nsProblem != null) {
            throw new InvalidNameException(text, "the namespace '" + Excerpt.of(namespace) + "'",
                    "is not lowercase kebab-case words: " + nsProblem, suggestion);
        }
        if (pkgProblem != null) {
            throw new InvalidNameException(text, "the package '" + Excerpt.of(packageName) + "'",
                    "is not lowercase kebab-case words: " + pkgProblem, suggestion);
        }
        if (ifaceProblem != null) {
            throw new InvalidNameException(text, "the interface '" + Excerpt.of(interfaceName) + "'",
                    "is not a kebab-case label: " + ifaceProblem, suggestion);
        }
        throw new InvalidNameException(text, versionProblemPart, versionProblem, suggestion);
    }

    private static String suggestion(String namespace, String packageName, String interfaceName, String versionText) {
        String ns = fixed(namespace, Label.wordsProblem(namespace), true);
        String pkg = fixed(packageName, Label.wordsProblem(packageName), true);
        String iface = fixed(interfaceName, Label.labelProblem(interfaceName), false);
        String version = versionText == null || Version.tryParse(versionText).isPresent()
                || CanonicalVersion.matches(versionText)
                ? versionText
                : Version.suggestionFor(versionText);
        if (ns == null || pkg == null || iface == null || (versionText != null && version == null)) {
            return null;
        }
        return ns + ":" + pkg + "/" + iface + (version == null ? "" : "@" + version);
    }

    private static String fixed(String part, String problem, boolean words) {
        if (problem == null) {
            return part;
        }
        String suggestion = Label.suggestionFor(part);
        return suggestion != null && (!words || Label.wordsProblem(suggestion) == null) ? suggestion : null;
    }

    public String namespace() {
        return namespace;
    }

    public String packageName() {
        return packageName;
    }

    public String interfaceName() {
        return interfaceName;
    }

    /** The SemVer version, e.g. {@code 0.2.1}; empty without a version and for a canonversion such as {@code 0.2}. */
    public Optional<Version> version() {
        return version;
    }

    /**
     * The canonversion the name is written with, e.g. {@code 0.2} of {@code wasi:io/streams@0.2}; also present for
     * {@code 0.0.x} names, which are SemVer and canonversions at once. Empty for every other name.
     */
    public Optional<CanonicalVersion> canonicalVersion() {
        return canonicalVersion;
    }

    /**
     * Whether this is a canonical interface name (Explainer, "Canonical Interface Name"): it has no version, or one
     * that matches the {@code canonversion} production.
     */
    public boolean isCanonical() {
        return version.isEmpty() || canonicalVersion.isPresent();
    }

    /**
     * The canonical interface name of this one (the Explainer's split): {@code a:b/c@0.2} for {@code a:b/c@0.2.6} and
     * {@code a:b/c@0.2.6-rc.1}, {@code a:b/c@1} for {@code a:b/c@1.2.3}; a canonical name is its own.
     */
    public InterfaceName canonicalName() {
        if (isCanonical()) {
            return this;
        }
        return new InterfaceName(namespace, packageName, interfaceName, Optional.empty(),
                Optional.of(CanonicalVersion.of(version.orElseThrow())));
    }

    /** {@code namespace:package/interface}, without the version. */
    public String unversioned() {
        return namespace + ":" + packageName + "/" + interfaceName;
    }

    /**
     * The compatibility track ({@link CompatibilityTrack}'s rule), e.g. {@code wasi:io/streams@0.2}; empty when the
     * name has none. Computed when the name was made.
     */
    @Override
    public Optional<String> compatibilityTrack() {
        return track;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InterfaceName name && name.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String uniquenessKey() {
        return toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
