package dev.witbind.processor.validation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which Java types carry which WIT types, when a WIT file says what the type is: a Java type carries a WIT type when
 * it maps to it ignoring the signedness of same-width integers ({@code int} carries {@code s32}, {@code u32} and
 * {@code char}), the names of records, variants, enums and flags (their fields, cases and flags must correspond one to
 * one by kebab-case name, in order) and the markers {@code @Unsigned} and {@code @WitChar}; a handle must name the
 * same resource of the interface, owned or {@code @Borrow}ed as the WIT says. A {@code @WitTuple} record carries a
 * WIT tuple whose elements its components carry, in order (names do not matter); a record without {@code @WitTuple}
 * never carries a tuple, and a {@code @WitTuple} record never a WIT record.
 *
 * <p>{@link #retype} rebuilds the Java-derived value with the WIT's types, keeping the Java carrier, so that the
 * model the generator sees is the WIT's: a {@code u8} carried by a plain {@code byte} is lowered zero-extended, and
 * flags and records are named as in the WIT.
 */
final class Carriers {
    private final String interfaceId;
    private final Map<String, ClassName> resourceClasses;

    /**
     * @param interfaceId the id of the interface, which owns its resources
     * @param resourceClasses the Java classes of the interface's resources, by WIT name
     */
    Carriers(String interfaceId, Map<String, ClassName> resourceClasses) {
        this.interfaceId = interfaceId;
        this.resourceClasses = resourceClasses;
    }

    /**
     * The Java value with the WIT type, or empty when the Java type does not carry it (the reasons are added to
     * {@code problems}, each starting with {@code where}).
     */
    Optional<ValueType> retype(ValueType java, WitType wit, String where, List<String> problems) {
        return Optional.ofNullable(retype(java, wit, where, false, problems));
    }

    private ValueType retype(ValueType java, WitType wit, String where, boolean boxed, List<String> problems) {
        Shape shape = java.shape();
        if (shape instanceof Shape.Scalar) {
            if (java.witType() instanceof PrimitiveType javaWit && wit instanceof PrimitiveType primitive
                    && family(javaWit).equals(family(primitive))) {
                return new ValueType(java.javaType(), primitive);
            }
            if (java.witType() instanceof ListType && isBytes(wit)) {
                return java;
            }
            if (java.witType() instanceof ListType && wit instanceof ListType list && list.element() == PrimitiveType.S8) {
                // byte[] carries list<s8> as byte carries s8: element by element, as the other primitive arrays.
                return new ValueType(java.javaType(), wit, new Shape.PrimitiveArray());
            }
        } else if (shape instanceof Shape.PrimitiveArray) {
            PrimitiveType element = (PrimitiveType) ((ListType) java.witType()).element();
            if (wit instanceof ListType list && list.element() instanceof PrimitiveType primitive && !isBytes(wit)
                    && family(element).equals(family(primitive))) {
                return new ValueType(java.javaType(), wit, shape);
            }
        } else if (shape instanceof Shape.ListOf listOf) {
            if (wit instanceof ListType list && !isBytes(wit)) {
                ValueType element = retype(listOf.element(), list.element(), where + ", the list's elements", true,
                        problems);
                return element == null ? null : new ValueType(java.javaType(), wit, new Shape.ListOf(element));
            }
        } else if (shape instanceof Shape.Option option) {
            if (wit instanceof OptionType witOption) {
                ValueType some = retype(option.some(), witOption.some(), where + ", the option's value", true,
                        problems);
                return some == null ? null : new ValueType(java.javaType(), wit, new Shape.Option(some));
            }
        } else if (shape instanceof Shape.Result result) {
            if (wit instanceof ResultType witResult) {
                return retypeResult(java, result, witResult, where, problems);
            }
        } else if (shape instanceof Shape.Record record) {
            boolean javaTuple = java.witType() instanceof TupleType;
            if (wit instanceof RecordType witRecord && !javaTuple) {
                return retypeRecord(java, record, witRecord, where, problems);
            }
            if (wit instanceof TupleType witTuple && javaTuple) {
                return retypeTuple(java, record, witTuple, where, problems);
            }
            if (wit instanceof TupleType) {
                problems.add(Messages.notCarried(where, describe(wit), display(java),
                        Messages.addWitTuple(display(java))));
                return null;
            }
        } else if (shape instanceof Shape.Variant variant) {
            if (wit instanceof VariantType witVariant) {
                return retypeVariant(java, variant, witVariant, where, problems);
            }
        } else if (shape instanceof Shape.Enum) {
            if (wit instanceof EnumType witEnum) {
                List<String> javaCases = ((EnumType) java.witType()).cases();
                return sameMembers(java, wit, "the cases", witEnum.cases(), "the constants", javaCases, where,
                        problems) ? new ValueType(java.javaType(), wit, shape) : null;
            }
        } else if (shape instanceof Shape.Flags) {
            if (wit instanceof FlagsType witFlags) {
                List<String> javaFlags = ((FlagsType) java.witType()).flags();
                return sameMembers(java, wit, "the flags", witFlags.flags(), "the constants", javaFlags, where,
                        problems) ? new ValueType(java.javaType(), wit, shape) : null;
            }
        } else if (shape instanceof Shape.Handle) {
            HandleType javaHandle = (HandleType) java.witType();
            if (wit instanceof HandleType handle && handle.ownership() == javaHandle.ownership()
                    && handle.resource().equals(javaHandle.resource())) {
                // The same resource, the interface's own or another's (by the interface that defines it): keep the
                // Java handle, the resource constants refer to it.
                return java;
            }
        }
        problems.add(Messages.notCarried(where, describe(wit), display(java), accepted(wit, boxed)));
        return null;
    }

    private ValueType retypeResult(ValueType java, Shape.Result result, ResultType wit, String where,
            List<String> problems) {
        int before = problems.size();
        Optional<ValueType> ok = side(result.ok(), wit.ok(), where + ", the ok value", problems);
        Optional<ValueType> err = side(result.err(), wit.err(), where + ", the error value", problems);
        if (problems.size() != before) {
            return null;
        }
        return new ValueType(java.javaType(), wit, new Shape.Result(ok, err));
    }

    private Optional<ValueType> side(Optional<ValueType> java, Optional<WitType> wit, String where,
            List<String> problems) {
        if (java.isEmpty() && wit.isEmpty()) {
            return Optional.empty();
        }
        if (java.isEmpty() || wit.isEmpty()) {
            problems.add(Messages.notCarried(where, wit.map(Carriers::describe).orElse("(none)"),
                    java.map(Carriers::display).orElse("Void"), wit.map(type -> carrier(type, true)).orElse("Void")));
            return Optional.empty();
        }
        return Optional.ofNullable(retype(java.get(), wit.get(), where, true, problems));
    }

    private ValueType retypeRecord(ValueType java, Shape.Record record, RecordType wit, String where,
            List<String> problems) {
        List<String> javaNames = record.fields().stream().map(Shape.Field::witName).toList();
        List<String> witNames = wit.fields().stream().map(RecordType.Field::name).toList();
        if (witNames.size() == javaNames.size() && !lowerCase(witNames).equals(lowerCase(javaNames))) {
            // Same shape, other names: say which component to rename to what, not only that the lists differ.
            List<String> renames = new ArrayList<>();
            for (int i = 0; i < witNames.size(); i++) {
                if (!witNames.get(i).equalsIgnoreCase(javaNames.get(i))) {
                    renames.add("'" + record.fields().get(i).accessor() + "' to '" + camel(witNames.get(i)) + "'");
                }
            }
            problems.add(Messages.componentsToRename(where, describe(wit), String.join(", ", witNames),
                    display(java), renames));
            return null;
        }
        if (!sameMembers(java, wit, "the fields", witNames, "the components", javaNames, where, problems)) {
            return null;
        }
        int before = problems.size();
        List<Shape.Field> fields = new ArrayList<>();
        for (int i = 0; i < witNames.size(); i++) {
            Shape.Field field = record.fields().get(i);
            RecordType.Field witField = wit.fields().get(i);
            ValueType type = retype(field.type(), witField.type(),
                    where + ", field '" + witField.name() + "' of " + describe(wit), false, problems);
            if (type != null) {
                fields.add(new Shape.Field(field.accessor(), witField.name(), type));
            }
        }
        return problems.size() != before ? null : new ValueType(java.javaType(), wit, new Shape.Record(fields));
    }

    /** A {@code @WitTuple} record: as many components as elements, each carrying its element. */
    private ValueType retypeTuple(ValueType java, Shape.Record record, TupleType wit, String where,
            List<String> problems) {
        List<WitType> elements = wit.elements();
        if (elements.size() != record.fields().size()) {
            problems.add(Messages.notCarried(where, describe(wit), display(java) + " with "
                    + record.fields().size() + " components", accepted(wit, false)));
            return null;
        }
        int before = problems.size();
        List<Shape.Field> fields = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Shape.Field field = record.fields().get(i);
            ValueType type = retype(field.type(), elements.get(i), where + ", element " + i + " of " + wit, false,
                    problems);
            if (type != null) {
                fields.add(new Shape.Field(field.accessor(), field.witName(), type));
            }
        }
        return problems.size() != before ? null : new ValueType(java.javaType(), wit, new Shape.Record(fields));
    }

    private ValueType retypeVariant(ValueType java, Shape.Variant variant, VariantType wit, String where,
            List<String> problems) {
        List<String> javaNames = variant.cases().stream().map(Shape.Case::witName).toList();
        List<String> witNames = wit.cases().stream().map(VariantType.Case::name).toList();
        if (!sameMembers(java, wit, "the cases", witNames, "the cases", javaNames, where, problems)) {
            return null;
        }
        int before = problems.size();
        List<Shape.Case> cases = new ArrayList<>();
        for (int i = 0; i < witNames.size(); i++) {
            Shape.Case javaCase = variant.cases().get(i);
            VariantType.Case witCase = wit.cases().get(i);
            String caseWhere = where + ", case '" + witCase.name() + "' of " + describe(wit);
            if (javaCase.payload().isPresent() != witCase.payload().isPresent()) {
                problems.add(Messages.notCarried(caseWhere,
                        witCase.payload().map(payload -> "payload " + describe(payload)).orElse("no payload"),
                        javaCase.caseClass().simpleName() + (javaCase.payload().isPresent()
                                ? " with a component" : " without components"),
                        witCase.payload().map(payload -> "a record " + javaCase.caseClass().simpleName() + "("
                                + carrier(payload, false) + " value)")
                                .orElse("a record " + javaCase.caseClass().simpleName() + "()")));
                continue;
            }
            if (javaCase.payload().isEmpty()) {
                cases.add(new Shape.Case(javaCase.caseClass(), witCase.name(), Optional.empty()));
                continue;
            }
            Shape.Field payload = javaCase.payload().get();
            ValueType type = retype(payload.type(), witCase.payload().get(), caseWhere, false, problems);
            if (type != null) {
                cases.add(new Shape.Case(javaCase.caseClass(), witCase.name(),
                        Optional.of(new Shape.Field(payload.accessor(), payload.witName(), type))));
            }
        }
        return problems.size() != before ? null : new ValueType(java.javaType(), wit, new Shape.Variant(cases));
    }

    /**
     * Names are compared ignoring case, as the Component Model compares them: a Java name keeps no upper-case
     * fragment ({@code Http} is {@code http}), so WIT's {@code HTTP} (in wasi:http's {@code scheme}) is carried by
     * it, and the WIT's own name is what the bindings use.
     */
    private static boolean sameMembers(ValueType java, WitType wit, String witWhat, List<String> witMembers,
            String javaWhat, List<String> javaMembers, String where, List<String> problems) {
        if (lowerCase(witMembers).equals(lowerCase(javaMembers))) {
            return true;
        }
        problems.add(Messages.membersDiffer(where, describe(wit), witWhat + " " + String.join(", ", witMembers),
                display(java), javaWhat + " " + String.join(", ", javaMembers)));
        return false;
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    /** Same-width integers share a Java carrier; {@code char} travels as an {@code int} code point. */
    private static String family(PrimitiveType type) {
        return switch (type) {
            case BOOL -> "boolean";
            case S8, U8 -> "byte";
            case S16, U16 -> "short";
            case S32, U32, CHAR -> "int";
            case S64, U64 -> "long";
            case F32 -> "float";
            case F64 -> "double";
            case STRING -> "String";
        };
    }

    private static boolean isBytes(WitType type) {
        return type instanceof ListType list && list.element() == PrimitiveType.U8;
    }

    // ---- for messages -----------------------------------------------------------------------------------------

    /** A WIT type in a message: named types with their kind, {@code record entry}, handles spelled out. */
    static String describe(WitType type) {
        if (type instanceof RecordType record) {
            return "record " + record.name();
        }
        if (type instanceof VariantType variant) {
            return "variant " + variant.name();
        }
        if (type instanceof EnumType enumType) {
            return "enum " + enumType.name();
        }
        if (type instanceof FlagsType flags) {
            return "flags " + flags.name();
        }
        if (type instanceof HandleType handle) {
            return (handle.ownership() == HandleType.Ownership.OWN ? "own<" : "borrow<") + handle.resource().name()
                    + ">";
        }
        return type.toString();
    }

    /** A Java carrier in a message, with simple class names. */
    static String display(ValueType type) {
        String borrow = type.witType() instanceof HandleType handle
                && handle.ownership() == HandleType.Ownership.BORROW ? "@Borrow " : "";
        return borrow + simple(type.javaType());
    }

    static String simple(TypeName type) {
        if (type instanceof ClassName className) {
            return className.simpleName();
        }
        if (type instanceof ParameterizedTypeName parameterized) {
            return parameterized.rawType().simpleName() + parameterized.typeArguments().stream()
                    .map(Carriers::simple).collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof ArrayTypeName array) {
            return simple(array.componentType()) + "[]";
        }
        return type.toString();
    }

    /** What carries a WIT type, for the "accepted" part of a message: the carrier, and what a named type must have. */
    private String accepted(WitType type, boolean boxed) {
        String carrier = carrier(type, boxed);
        if (type instanceof RecordType record) {
            return carrier + ", a record with the components "
                    + record.fields().stream().map(field -> camel(field.name())).collect(Collectors.joining(", "));
        }
        if (type instanceof VariantType variant) {
            return carrier + ", a sealed interface of the records "
                    + variant.cases().stream().map(c -> upperCamel(c.name())).collect(Collectors.joining(", "));
        }
        if (type instanceof EnumType enumType) {
            return carrier + ", an enum with the constants " + constants(enumType.cases());
        }
        if (type instanceof FlagsType flags) {
            return carrier + " of an enum with the constants " + constants(flags.flags());
        }
        if (type instanceof TupleType tuple) {
            return "a @WitTuple record with " + tuple.elements().size() + " components of the types "
                    + tuple.elements().stream().map(element -> carrier(element, false))
                            .collect(Collectors.joining(", ")) + ", in order";
        }
        if (type instanceof ListType list && list.element() instanceof PrimitiveType primitive && !boxed
                && primitive != PrimitiveType.STRING && primitive != PrimitiveType.U8
                && primitive != PrimitiveType.S8) {
            return family(primitive) + "[] or " + carrier;
        }
        return carrier;
    }

    /**
     * The Java type a WIT type is best carried by, as source text: the type a missing or mismatched method should
     * declare. With the WIT at hand no {@code @Unsigned} or {@code @WitChar} is needed.
     */
    String carrier(WitType type, boolean boxed) {
        if (type instanceof PrimitiveType primitive) {
            String family = family(primitive);
            return boxed ? box(family) : family;
        }
        if (type instanceof ListType list) {
            if (isBytes(type)) {
                return "byte[]";
            }
            return list.element() == PrimitiveType.S8 ? "byte[]" : "List<" + carrier(list.element(), true) + ">";
        }
        if (type instanceof OptionType option) {
            return "Optional<" + carrier(option.some(), true) + ">";
        }
        if (type instanceof ResultType result) {
            return "Result<" + result.ok().map(ok -> carrier(ok, true)).orElse("Void") + ", "
                    + result.err().map(err -> carrier(err, true)).orElse("Void") + ">";
        }
        if (type instanceof RecordType record) {
            return upperCamel(record.name());
        }
        if (type instanceof VariantType variant) {
            return upperCamel(variant.name());
        }
        if (type instanceof EnumType enumType) {
            return upperCamel(enumType.name());
        }
        if (type instanceof FlagsType flags) {
            return "EnumSet<" + upperCamel(flags.name()) + ">";
        }
        if (type instanceof HandleType handle) {
            String name = handle.resource().name();
            String resourceClass = handle.resource().owner().equals(interfaceId) && resourceClasses.containsKey(name)
                    ? resourceClasses.get(name).simpleName()
                    : upperCamel(name);
            return (handle.ownership() == HandleType.Ownership.BORROW ? "@Borrow " : "") + resourceClass;
        }
        TupleType tuple = (TupleType) type;
        return "@WitTuple record (" + tuple.elements().stream().map(element -> carrier(element, false))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String box(String primitive) {
        return switch (primitive) {
            case "boolean" -> "Boolean";
            case "byte" -> "Byte";
            case "short" -> "Short";
            case "int" -> "Integer";
            case "long" -> "Long";
            case "float" -> "Float";
            case "double" -> "Double";
            default -> primitive;
        };
    }

    private static String constants(List<String> labels) {
        return labels.stream().map(label -> label.toUpperCase(Locale.ROOT).replace('-', '_'))
                .collect(Collectors.joining(", "));
    }

    /** {@code error-code} -> {@code ErrorCode}. */
    static String upperCamel(String label) {
        StringBuilder name = new StringBuilder();
        for (String word : label.split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.toString();
    }

    /** {@code total-bytes} -> {@code totalBytes}. */
    static String camel(String label) {
        String upper = upperCamel(label);
        return upper.isEmpty() ? upper : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }
}
