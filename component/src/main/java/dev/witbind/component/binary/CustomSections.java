package dev.witbind.component.binary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the two custom sections witbind understands. Neither may make a component invalid (the Explainer says so
 * of the name section, and producers is informational), so a malformed one is simply absent from the model.
 */
final class CustomSections {
    private CustomSections() {}

    static Optional<ComponentNames> names(byte[] data, CustomSection section) {
        ByteInput in = new ByteInput(data, section.contentOffset(),
                section.contentOffset() + section.contentLength(), Section.CUSTOM);
        try {
            String componentName = null;
            Map<Sort, Map<Integer, String>> names = new EnumMap<>(Sort.class);
            while (!in.atEnd()) {
                int id = in.u8();
                ByteInput sub = in.slice(in.u32(), Section.CUSTOM);
                if (id == 0) {
                    componentName = sub.name();
                } else if (id == 1) {
                    Sort sort = sortOf(sub);
                    int count = sub.count(2);
                    Map<Integer, String> map = new LinkedHashMap<>();
                    for (int i = 0; i < count; i++) {
                        int index = sub.u32();
                        map.put(index, sub.name());
                    }
                    if (sort != null) {
                        names.put(sort, Map.copyOf(map));
                    }
                } else {
                    sub.skip(sub.remaining());
                }
                sub.expectEnd("a name subsection");
            }
            return Optional.of(new ComponentNames(Optional.ofNullable(componentName), names));
        } catch (ComponentFormatException malformed) {
            return Optional.empty();
        }
    }

    /** The sort of a name subsection; {@code null} for one witbind does not model (values). */
    private static Sort sortOf(ByteInput in) {
        int b = in.u8();
        if (b == 0x00) {
            return switch (in.u8()) {
                case 0x00 -> Sort.CORE_FUNC;
                case 0x01 -> Sort.CORE_TABLE;
                case 0x02 -> Sort.CORE_MEMORY;
                case 0x03 -> Sort.CORE_GLOBAL;
                case 0x04 -> Sort.CORE_TAG;
                case 0x10 -> Sort.CORE_TYPE;
                case 0x11 -> Sort.CORE_MODULE;
                case 0x12 -> Sort.CORE_INSTANCE;
                default -> null;
            };
        }
        return switch (b) {
            case 0x01 -> Sort.FUNC;
            case 0x03 -> Sort.TYPE;
            case 0x04 -> Sort.COMPONENT;
            case 0x05 -> Sort.INSTANCE;
            default -> null;
        };
    }

    static Optional<Producers> producers(byte[] data, CustomSection section) {
        ByteInput in = new ByteInput(data, section.contentOffset(),
                section.contentOffset() + section.contentLength(), Section.CUSTOM);
        try {
            Map<String, List<Producers.Tool>> fields = new LinkedHashMap<>();
            int count = in.count(2);
            for (int i = 0; i < count; i++) {
                String field = in.name();
                int tools = in.count(2);
                List<Producers.Tool> list = new ArrayList<>(tools);
                for (int j = 0; j < tools; j++) {
                    list.add(new Producers.Tool(in.name(), in.name()));
                }
                fields.put(field, List.copyOf(list));
            }
            in.expectEnd("the producers section");
            return Optional.of(new Producers(fields));
        } catch (ComponentFormatException malformed) {
            return Optional.empty();
        }
    }
}
