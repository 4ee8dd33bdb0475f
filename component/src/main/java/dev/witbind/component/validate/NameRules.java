package dev.witbind.component.validate;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;
import dev.witbind.wit.Excerpt;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import dev.witbind.wit.names.PlainName;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The name rules of the Explainer ("Import and Export Definitions", "Name Uniqueness"). The grammar itself is
 * {@code wit.names}'; what is added here is what only a component has: the gates on names, the refusal of the
 * core-only {@code [resource-drop]} annotation, and strong uniqueness.
 */
final class NameRules {
    private NameRules() {}

    /**
     * Parses an import or export name and checks its {@code versionsuffix} attribute (🔗, Binary.md): only after an
     * interface name with a canonversion, and the two must make a valid SemVer version.
     */
    static ExternName externName(String name, Optional<String> versionSuffix, int offset, Section section) {
        ExternName parsed = externName(name, offset, section);
        if (versionSuffix.isPresent()) {
            String suffix = versionSuffix.get();
            if (!(parsed instanceof InterfaceName iface) || iface.canonicalVersion().isEmpty()) {
                throw new ComponentFormatException(offset, section, Rule.VERSION_SUFFIX, "the name '" + Excerpt.of(name)
                        + "' has the versionsuffix '" + Excerpt.of(suffix) + "', but "
                        + (parsed instanceof InterfaceName ? "its version is not a canonversion (1, 0.2, 0.0.1)"
                                : "it is not an interface name"));
            }
            try {
                iface.canonicalVersion().get().withSuffix(suffix);
            } catch (InvalidNameException e) {
                throw new ComponentFormatException(offset, section, Rule.VERSION_SUFFIX, "the name '"
                        + Excerpt.of(name) + "' has the versionsuffix '" + Excerpt.of(suffix) + "', which does not "
                        + "make its canonversion a valid SemVer version");
            }
        }
        return parsed;
    }

    /** Parses an import or export name. */
    private static ExternName externName(String name, int offset, Section section) {
        int at = name.indexOf('@');
        String beforeVersion = at < 0 ? name : name.substring(0, at);
        if (beforeVersion.indexOf(':') != beforeVersion.lastIndexOf(':')
                || beforeVersion.indexOf('/') != beforeVersion.lastIndexOf('/')) {
            throw new ComponentFormatException(offset, section, Rule.GATED, "the name '" + name
                    + "' has nested namespaces or packages (behind the 🪺 gate)");
        }
        ExternName parsed;
        try {
            parsed = ExternName.parse(name);
        } catch (InvalidNameException e) {
            throw new ComponentFormatException(offset, section, Rule.NAME, e.getMessage());
        }
        if (parsed instanceof PlainName plain && plain.kind() == PlainName.Kind.RESOURCE_DROP) {
            throw new ComponentFormatException(offset, section, Rule.NAME, "the name '" + name + "': [resource-drop] "
                    + "names core imports only; components name functions [constructor], [method] or [static]");
        }
        return parsed;
    }

    /** The names of one scope's imports or exports, strongly unique. */
    static final class UniqueNames {
        private final Map<String, String> seen = new HashMap<>();
        private final String what;

        UniqueNames(String what) {
            this.what = what;
        }

        void add(ExternName name, int offset, Section section) {
            String previous = seen.putIfAbsent(name.uniquenessKey(), name.toString());
            if (previous != null) {
                throw new ComponentFormatException(offset, section, Rule.NAME_UNIQUE, "the " + what + " '" + name
                        + "' is not strongly unique: it clashes with '" + previous + "'");
            }
        }
    }

    /** Checks labels of one type (fields, cases, flags, enum cases or parameters): labels, strongly unique. */
    static void labels(List<String> labels, String what, int offset, Section section) {
        Map<String, String> seen = new HashMap<>();
        for (String label : labels) {
            if (!Label.isLabel(label)) {
                String reason;
                try {
                    Label.checkLabel(label);
                    reason = "is not a label";
                } catch (InvalidNameException e) {
                    reason = e.getMessage();
                }
                throw new ComponentFormatException(offset, section, Rule.NAME, "the " + what + " '" + label + "': "
                        + reason);
            }
            String previous = seen.putIfAbsent(label.toLowerCase(Locale.ROOT), label);
            if (previous != null) {
                throw new ComponentFormatException(offset, section, Rule.NAME_UNIQUE, "the " + what + " '" + label
                        + "' is not strongly unique: it clashes with '" + previous + "'");
            }
        }
    }
}
