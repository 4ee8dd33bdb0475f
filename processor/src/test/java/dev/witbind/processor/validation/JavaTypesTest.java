package dev.witbind.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The type table on real javac types: a capturing processor maps every parameter (and every result, under
 * {@code "method()"}) of a fixture class.
 */
class JavaTypesTest {
    private static final String FIXTURE = """
            package com.example;

            import dev.witbind.annotations.Unsigned;
            import dev.witbind.annotations.WitChar;
            import java.lang.annotation.ElementType;
            import java.lang.annotation.Target;
            import java.util.List;

            abstract class Fixture {
                @Target(ElementType.TYPE_USE)
                @interface Nullable {}

                abstract void supported(boolean bool, byte s8, @Unsigned byte u8, short s16, @Unsigned short u16,
                        int s32, @Unsigned int u32, @WitChar int character, long s64, @Unsigned long u64, float f32,
                        double f64, String string, byte[] bytes);

                abstract void unsupported(char c, Integer boxedInt, Character boxedChar, List<Byte> byteList,
                        List<String> stringList, int[] ints, Object object, @Nullable String annotated);

                abstract void misused(@Unsigned String unsignedString, @Unsigned boolean unsignedBool,
                        @Unsigned byte[] unsignedBytes, @Unsigned float unsignedFloat, @WitChar long charLong,
                        @Unsigned @WitChar int both);

                @Unsigned
                abstract void unsignedVoid();
            }
            """;

    private static final Map<String, TypeMapping> MAPPINGS = new LinkedHashMap<>();

    @BeforeAll
    static void mapFixture() {
        assertThat(javac().withProcessors(new MappingCapture())
                .compile(JavaFileObjects.forSourceString("com.example.Fixture", FIXTURE))).succeeded();
    }

    @Test
    void everyAcceptedTypeMapsToItsWitType() {
        assertEquals(mapped(TypeName.BOOLEAN, PrimitiveType.BOOL), MAPPINGS.get("bool"));
        assertEquals(mapped(TypeName.BYTE, PrimitiveType.S8), MAPPINGS.get("s8"));
        assertEquals(mapped(TypeName.BYTE, PrimitiveType.U8), MAPPINGS.get("u8"));
        assertEquals(mapped(TypeName.SHORT, PrimitiveType.S16), MAPPINGS.get("s16"));
        assertEquals(mapped(TypeName.SHORT, PrimitiveType.U16), MAPPINGS.get("u16"));
        assertEquals(mapped(TypeName.INT, PrimitiveType.S32), MAPPINGS.get("s32"));
        assertEquals(mapped(TypeName.INT, PrimitiveType.U32), MAPPINGS.get("u32"));
        assertEquals(mapped(TypeName.INT, PrimitiveType.CHAR), MAPPINGS.get("character"));
        assertEquals(mapped(TypeName.LONG, PrimitiveType.S64), MAPPINGS.get("s64"));
        assertEquals(mapped(TypeName.LONG, PrimitiveType.U64), MAPPINGS.get("u64"));
        assertEquals(mapped(TypeName.FLOAT, PrimitiveType.F32), MAPPINGS.get("f32"));
        assertEquals(mapped(TypeName.DOUBLE, PrimitiveType.F64), MAPPINGS.get("f64"));
        assertEquals(mapped(ClassName.get("java.lang", "String"), PrimitiveType.STRING), MAPPINGS.get("string"));
        assertEquals(mapped(ArrayTypeName.of(TypeName.BYTE), new ListType(PrimitiveType.U8)), MAPPINGS.get("bytes"));
        assertEquals(new TypeMapping.NoResult(), MAPPINGS.get("supported()"));
    }

    @Test
    void typeAnnotationsDoNotChangeTheMapping() {
        assertEquals(mapped(ClassName.get("java.lang", "String"), PrimitiveType.STRING), MAPPINGS.get("annotated"));
    }

    @Test
    void unsupportedTypesComeWithTargetedFixes() {
        assertEquals(new TypeMapping.NoWitType(Messages.useWitCharInt()), MAPPINGS.get("c"));
        assertEquals(new TypeMapping.NoWitType(Messages.usePrimitive("int")), MAPPINGS.get("boxedInt"));
        assertEquals(new TypeMapping.NoWitType(Messages.useWitCharInt()), MAPPINGS.get("boxedChar"));
        assertEquals(new TypeMapping.NoWitType(Messages.useByteArray()), MAPPINGS.get("byteList"));
        assertEquals(new TypeMapping.NoWitType(Messages.useSupportedType()), MAPPINGS.get("stringList"));
        assertEquals(new TypeMapping.NoWitType(Messages.useSupportedType()), MAPPINGS.get("ints"));
        assertEquals(new TypeMapping.NoWitType(Messages.useSupportedType()), MAPPINGS.get("object"));
    }

    @Test
    void markersOnTheWrongTypeAreReported() {
        assertEquals(new TypeMapping.UnsignedNotIntegral(), MAPPINGS.get("unsignedString"));
        assertEquals(new TypeMapping.UnsignedNotIntegral(), MAPPINGS.get("unsignedBool"));
        assertEquals(new TypeMapping.UnsignedNotIntegral(), MAPPINGS.get("unsignedBytes"));
        assertEquals(new TypeMapping.UnsignedNotIntegral(), MAPPINGS.get("unsignedFloat"));
        assertEquals(new TypeMapping.WitCharNotInt(), MAPPINGS.get("charLong"));
        assertEquals(new TypeMapping.UnsignedAndWitChar(), MAPPINGS.get("both"));
        assertEquals(new TypeMapping.UnsignedNotIntegral(), MAPPINGS.get("unsignedVoid()"));
    }

    private static TypeMapping mapped(TypeName javaType, WitType witType) {
        return new TypeMapping.Mapped(new ValueType(javaType, witType));
    }

    /** Maps the fixture's parameter and result types with {@link JavaTypes}, as the validator does. */
    private static final class MappingCapture extends AbstractProcessor {
        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (Element root : round.getRootElements()) {
                for (ExecutableElement method : ElementFilter.methodsIn(root.getEnclosedElements())) {
                    MAPPINGS.put(method.getSimpleName() + "()", JavaTypes.map(method.getReturnType(),
                            has(method, "Unsigned"), has(method, "WitChar")));
                    for (VariableElement parameter : method.getParameters()) {
                        MAPPINGS.put(parameter.getSimpleName().toString(), JavaTypes.map(parameter.asType(),
                                has(parameter, "Unsigned"), has(parameter, "WitChar")));
                    }
                }
            }
            return false;
        }

        private static boolean has(Element element, String annotation) {
            return element.getAnnotationMirrors().stream()
                    .anyMatch(mirror -> mirror.getAnnotationType().asElement().getSimpleName().contentEquals(annotation));
        }
    }
}
