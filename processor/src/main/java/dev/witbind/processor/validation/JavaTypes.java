package dev.witbind.processor.validation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The scalar part of the Java-to-WIT type table ({@link Messages#PARAMETER_TYPES}): primitives, {@code String},
 * {@code byte[]}, and the fixes for the types that look like them (boxes, {@code char}); {@link TypeMapper} maps
 * records, enums, flags, options, results, lists, variants and resources on top of it. Types are compared by {@link TypeKind} and
 * qualified names, never by their text, so that type annotations and imports cannot change the answer.
 */
public final class JavaTypes {
    private static final String STRING = "java.lang.String";
    private static final String LIST = "java.util.List";
    private static final String BYTE_BOX = "java.lang.Byte";
    private static final String CHARACTER_BOX = "java.lang.Character";
    private static final Map<String, String> PRIMITIVE_OF_BOX = Map.of(
            "java.lang.Boolean", "boolean",
            BYTE_BOX, "byte",
            "java.lang.Short", "short",
            "java.lang.Integer", "int",
            "java.lang.Long", "long",
            "java.lang.Float", "float",
            "java.lang.Double", "double");

    private JavaTypes() {}

    /**
     * Maps a parameter or result type.
     *
     * @param type the declared Java type; {@code void} maps to {@link TypeMapping.NoResult}
     * @param unsigned whether {@code @Unsigned} is present
     * @param witChar whether {@code @WitChar} is present
     */
    public static TypeMapping map(TypeMirror type, boolean unsigned, boolean witChar) {
        TypeMapping mapping = mapIgnoringMarkers(type, witChar);
        // A type with no WIT type is the one problem worth reporting: the markers on it cannot be judged.
        if (mapping instanceof TypeMapping.NoWitType) {
            return mapping;
        }
        if (unsigned && witChar) {
            return new TypeMapping.UnsignedAndWitChar();
        }
        if (witChar && type.getKind() != TypeKind.INT) {
            return new TypeMapping.WitCharNotInt();
        }
        if (unsigned) {
            return mapping instanceof TypeMapping.Mapped mapped
                    ? unsignedOf(mapped.type())
                    : new TypeMapping.UnsignedNotIntegral();
        }
        return mapping;
    }

    private static TypeMapping mapIgnoringMarkers(TypeMirror type, boolean witChar) {
        return switch (type.getKind()) {
            case BOOLEAN -> mapped(TypeName.BOOLEAN, PrimitiveType.BOOL);
            case BYTE -> mapped(TypeName.BYTE, PrimitiveType.S8);
            case SHORT -> mapped(TypeName.SHORT, PrimitiveType.S16);
            case INT -> mapped(TypeName.INT, witChar ? PrimitiveType.CHAR : PrimitiveType.S32);
            case LONG -> mapped(TypeName.LONG, PrimitiveType.S64);
            case FLOAT -> mapped(TypeName.FLOAT, PrimitiveType.F32);
            case DOUBLE -> mapped(TypeName.DOUBLE, PrimitiveType.F64);
            case CHAR -> new TypeMapping.NoWitType(Messages.useWitCharInt());
            case ARRAY -> ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
                    ? new TypeMapping.Mapped(new ValueType(ArrayTypeName.of(TypeName.BYTE), new ListType(PrimitiveType.U8)))
                    : new TypeMapping.NoWitType(Messages.useSupportedType());
            case DECLARED -> mapDeclared((DeclaredType) type);
            case VOID -> new TypeMapping.NoResult();
            default -> new TypeMapping.NoWitType(Messages.useSupportedType());
        };
    }

    private static TypeMapping mapDeclared(DeclaredType type) {
        String name = qualifiedName(type);
        if (name.equals(STRING)) {
            return mapped(ClassName.get("java.lang", "String"), PrimitiveType.STRING);
        }
        if (name.equals(CHARACTER_BOX)) {
            return new TypeMapping.NoWitType(Messages.useWitCharInt());
        }
        String primitive = PRIMITIVE_OF_BOX.get(name);
        if (primitive != null) {
            return new TypeMapping.NoWitType(Messages.usePrimitive(primitive));
        }
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (name.equals(LIST) && arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED
                && qualifiedName((DeclaredType) arguments.get(0)).equals(BYTE_BOX)) {
            return new TypeMapping.NoWitType(Messages.useByteArray());
        }
        return new TypeMapping.NoWitType(Messages.useSupportedType());
    }

    private static String qualifiedName(DeclaredType type) {
        return ((TypeElement) type.asElement()).getQualifiedName().toString();
    }

    private static TypeMapping unsignedOf(ValueType signed) {
        if (!(signed.witType() instanceof PrimitiveType primitive)) {
            return new TypeMapping.UnsignedNotIntegral();
        }
        return switch (primitive) {
            case S8 -> mapped(signed.javaType(), PrimitiveType.U8);
            case S16 -> mapped(signed.javaType(), PrimitiveType.U16);
            case S32 -> mapped(signed.javaType(), PrimitiveType.U32);
            case S64 -> mapped(signed.javaType(), PrimitiveType.U64);
            default -> new TypeMapping.UnsignedNotIntegral();
        };
    }

    private static TypeMapping mapped(TypeName javaType, PrimitiveType witType) {
        return new TypeMapping.Mapped(new ValueType(javaType, witType));
    }

    /**
     * How messages show a Java type, e.g. {@code java.util.List<java.lang.Integer>}, without the type annotations
     * javac would print ({@code @Unsigned} and friends are shown by the messages themselves). Only for messages:
     * types are compared by kind and qualified name.
     */
    public static String display(TypeMirror type) {
        if (type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID) {
            return type.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (type instanceof ArrayType array) {
            return display(array.getComponentType()) + "[]";
        }
        if (type instanceof DeclaredType declared) {
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.isEmpty()
                    ? qualifiedName(declared)
                    : qualifiedName(declared) + arguments.stream().map(JavaTypes::display)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        return type.toString();
    }
}
