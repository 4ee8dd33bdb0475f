package dev.witbind.wit.names;

import dev.witbind.wit.Excerpt;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code plainname}: a label ({@code log}), or a resource function ({@code [constructor]r},
 * {@code [method]r.m}, {@code [static]r.m}) whose parts are labels. Core modules also import
 * {@code [resource-drop]r}, the name toolchains give the {@code canon resource.drop} of resource {@code r}; it is
 * accepted here too, so that a linker can define it.
 *
 * @param kind which production
 * @param resource the resource label for constructor, method and static names; empty for a plain label
 * @param label the function label; for a constructor, the resource label
 */
public record PlainName(Kind kind, Optional<String> resource, String label) implements ExternName {

    /** The {@code plainname} productions. */
    public enum Kind {
        LABEL(""),
        CONSTRUCTOR("[constructor]"),
        METHOD("[method]"),
        STATIC("[static]"),
        /** Not in the component grammar: the core-module import name of {@code canon resource.drop}. */
        RESOURCE_DROP("[resource-drop]");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /**
     * Parses a plain name.
     *
     * @throws InvalidNameException naming the part that is wrong and why
     */
    public static PlainName parse(String text) {
        for (Kind kind : new Kind[] {Kind.CONSTRUCTOR, Kind.METHOD, Kind.STATIC, Kind.RESOURCE_DROP}) {
            if (text.startsWith(kind.prefix())) {
                return parseResourceFunction(text, kind);
            }
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String annotation = close < 0 ? text : text.substring(0, close + 1);
            throw new InvalidNameException(text, "the annotation '" + Excerpt.of(annotation) + "'",
                    "is not one of [constructor], [method], [static], [resource-drop]", null);
        }
        checkPart(text, "", text, "", "label");
        return new PlainName(Kind.LABEL, Optional.empty(), text);
    }

    private static PlainName parseResourceFunction(String text, Kind kind) {
        String rest = text.substring(kind.prefix().length());
        if (kind == Kind.CONSTRUCTOR || kind == Kind.RESOURCE_DROP) {
            checkPart(text, kind.prefix(), rest, "", "resource");
            return new PlainName(kind, Optional.of(rest), rest);
        }
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw new InvalidNameException(text, "the name after " + kind.prefix(),
                    "must be 'resource.function' with a '.' between the two labels", null);
        }
        String resource = rest.substring(0, dot);
        String function = rest.substring(dot + 1);
        // The resource's suggestion must fix the function too, or it would offer a name that is still invalid.
        String fixedFunction = Label.labelProblem(function) == null ? function : Label.suggestionFor(function);
        checkPart(text, kind.prefix(), resource, fixedFunction == null ? null : "." + fixedFunction, "resource");
        checkPart(text, kind.prefix() + resource + ".", function, "", "function");
        return new PlainName(kind, Optional.of(resource), function);
    }

    /**
     * Checks the label {@code part} of {@code whole = before + part + after}; the suggestion fixes that part and
     * keeps {@code after}, which is already valid ({@code null}: no valid rest, so no suggestion).
     */
    private static void checkPart(String whole, String before, String part, String after, String role) {
        String problem = Label.labelProblem(part);
        if (problem != null) {
            String fixedPart = Label.suggestionFor(part);
            String suggestion = fixedPart == null || after == null ? null : before + fixedPart + after;
            throw new InvalidNameException(whole, "the " + role + " '" + Excerpt.of(part) + "'", "is not a kebab-case label: " + problem,
                    suggestion);
        }
    }

    /** Plain names have no version, so no compatibility track: they match only exactly. */
    @Override
    public Optional<String> compatibilityTrack() {
        return Optional.empty();
    }

    @Override
    public String uniquenessKey() {
        String lower = label.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case CONSTRUCTOR -> "[constructor]" + lower;
            case METHOD, STATIC -> {
                String owner = resource.orElseThrow().toLowerCase(Locale.ROOT);
                yield owner.equals(lower) ? lower : owner + "." + lower;
            }
            default -> lower;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LABEL -> label;
            case CONSTRUCTOR, RESOURCE_DROP -> kind.prefix() + label;
            case METHOD, STATIC -> kind.prefix() + resource.orElseThrow() + "." + label;
        };
    }
}
