package dev.witbind.wit.names;

import java.util.Optional;

/**
 * An {@code interfacename}: {@code namespace:package/interface} with an optional {@code @version}, for example
 * {@code wasi:io/streams@0.2.1}. The namespace and package are lowercase kebab-case words; the interface is a
 * label (acronym fragments allowed); the version is strict SemVer 2.0.
 */
public record InterfaceName(String namespace, String packageName, String interfaceName, Optional<Version> version)
        implements ExternName {

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
        if (versionText != null) {
            try {
                Version.parse(versionText);
            } catch (InvalidNameException e) {
                versionProblemPart = e.part();
                versionProblem = e.reason();
            }
        }
        if (nsProblem == null && pkgProblem == null && ifaceProblem == null && versionProblem == null) {
            return new InterfaceName(namespace, packageName, interfaceName,
                    Optional.ofNullable(versionText).map(Version::parse));
        }
        String suggestion = suggestion(namespace, packageName, interfaceName, versionText);
        if (nsProblem != null) {
            throw new InvalidNameException(text, "the namespace '" + namespace + "'",
                    "is not lowercase kebab-case words: " + nsProblem, suggestion);
        }
        if (pkgProblem != null) {
            throw new InvalidNameException(text, "the package '" + packageName + "'",
                    "is not lowercase kebab-case words: " + pkgProblem, suggestion);
        }
        if (ifaceProblem != null) {
            throw new InvalidNameException(text, "the interface '" + interfaceName + "'",
                    "is not a kebab-case label: " + ifaceProblem, suggestion);
        }
        throw new InvalidNameException(text, versionProblemPart, versionProblem, suggestion);
    }

    private static String suggestion(String namespace, String packageName, String interfaceName, String versionText) {
        String ns = fixed(namespace, Label.wordsProblem(namespace), true);
        String pkg = fixed(packageName, Label.wordsProblem(packageName), true);
        String iface = fixed(interfaceName, Label.labelProblem(interfaceName), false);
        String version = versionText == null || Version.tryParse(versionText).isPresent()
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

    /** {@code namespace:package/interface}, without the version. */
    public String unversioned() {
        return namespace + ":" + packageName + "/" + interfaceName;
    }

    /** The compatibility track, e.g. {@code wasi:io/streams@0.2}; empty when the name has none. */
    public Optional<String> compatibilityTrack() {
        return CompatibilityTrack.of(toString());
    }

    @Override
    public String toString() {
        return unversioned() + version.map(v -> "@" + v).orElse("");
    }
}
