package dev.witbind.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The carrier rules without javac: which Java-derived values carry which WIT types, and what they become. */
class CarriersTest {
    private static final String STORE = "example:kv/store@1.0.0";
    private static final ClassName BUCKET = ClassName.get("com.example", "Store", "Bucket");
    private static final ResourceType BUCKET_RESOURCE = new ResourceType(STORE, "bucket");
    private final Carriers carriers = new Carriers(STORE, Map.of("bucket", BUCKET));

    private Optional<ValueType> retype(ValueType java, WitType wit, List<String> problems) {
        return carriers.retype(java, wit, "parameter 'x'", problems);
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({"int, S32, U32", "int, S32, CHAR", "int, U32, S32", "int, CHAR, U32", "byte, S8, U8",
            "short, U16, S16", "long, S64, U64", "boolean, BOOL, BOOL"})
    void sameWidthPrimitivesCarryEachOtherAndTakeTheWitType(String javaType, PrimitiveType derived,
            PrimitiveType wit) {
        TypeName java = switch (javaType) {
            case "int" -> TypeName.INT;
            case "byte" -> TypeName.BYTE;
            case "short" -> TypeName.SHORT;
            case "long" -> TypeName.LONG;
            default -> TypeName.BOOLEAN;
        };
        List<String> problems = new ArrayList<>();

        Optional<ValueType> retyped = retype(new ValueType(java, derived), wit, problems);

        assertEquals(Optional.of(new ValueType(java, wit)), retyped);
        assertEquals(List.of(), problems);
    }

    @Test
    void otherWidthsAreNotCarried() {
        List<String> problems = new ArrayList<>();

        Optional<ValueType> retyped = retype(new ValueType(TypeName.INT, PrimitiveType.S32), PrimitiveType.U8,
                problems);

        assertEquals(Optional.empty(), retyped);
        assertEquals(List.of(Messages.notCarried("parameter 'x'", "u8", "int", "byte")), problems);
    }

    @Test
    void flagsTakeTheWitNameWhenTheFlagsCorrespond() {
        ClassName permission = ClassName.get("com.example", "Permission");
        ValueType java = new ValueType(ParameterizedTypeName.get(ClassName.get("java.util", "EnumSet"), permission),
                new FlagsType("permission", List.of("read", "write")),
                new Shape.Flags(permission, List.of("READ", "WRITE")));
        FlagsType wit = new FlagsType("permissions", List.of("read", "write"));
        List<String> problems = new ArrayList<>();

        ValueType retyped = retype(java, wit, problems).orElseThrow();

        assertEquals(wit, retyped.witType());
        assertEquals(java.shape(), retyped.shape());
        assertEquals(List.of(), problems);
    }

    @Test
    void recordFieldsAreRetypedOneByOne() {
        ClassName entry = ClassName.get("com.example", "Entry");
        ValueType version = new ValueType(TypeName.LONG, PrimitiveType.S64);
        ValueType java = new ValueType(entry,
                new RecordType("entry", List.of(new RecordType.Field("version", PrimitiveType.S64))),
                new Shape.Record(List.of(new Shape.Field("version", "version", version))));
        RecordType wit = new RecordType("item", List.of(new RecordType.Field("version", PrimitiveType.U64)));
        List<String> problems = new ArrayList<>();

        ValueType retyped = retype(java, wit, problems).orElseThrow();

        assertEquals(wit, retyped.witType());
        assertEquals(new Shape.Record(List.of(new Shape.Field("version", "version",
                new ValueType(TypeName.LONG, PrimitiveType.U64)))), retyped.shape());
    }

    @Test
    void listsRetypeTheirElements() {
        ValueType element = new ValueType(ClassName.get(Integer.class), PrimitiveType.S32);
        ValueType java = new ValueType(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(Integer.class)),
                new ListType(PrimitiveType.S32), new Shape.ListOf(element));
        List<String> problems = new ArrayList<>();

        ValueType retyped = retype(java, new ListType(PrimitiveType.U32), problems).orElseThrow();

        assertEquals(new Shape.ListOf(new ValueType(ClassName.get(Integer.class), PrimitiveType.U32)),
                retyped.shape());
    }

    @Test
    void handlesMustAgreeOnOwnership() {
        ValueType own = new ValueType(BUCKET, HandleType.own(BUCKET_RESOURCE), new Shape.Handle(BUCKET));
        List<String> problems = new ArrayList<>();

        assertEquals(Optional.of(own), retype(own, HandleType.own(BUCKET_RESOURCE), problems));
        assertEquals(Optional.empty(), retype(own, HandleType.borrow(BUCKET_RESOURCE), problems));
        assertEquals(List.of(Messages.notCarried("parameter 'x'", "borrow<bucket>", "Bucket", "@Borrow Bucket")),
                problems);
    }

    @Test
    void aResourceOfAnotherInterfaceIsNotCarried() {
        ValueType own = new ValueType(BUCKET, HandleType.own(BUCKET_RESOURCE), new Shape.Handle(BUCKET));
        List<String> problems = new ArrayList<>();

        Optional<ValueType> retyped = retype(own, HandleType.own(new ResourceType("example:kv/other@1.0.0", "bucket")),
                problems);

        assertEquals(Optional.empty(), retyped);
        assertTrue(problems.get(0).contains("(accepted: Bucket)"), problems::toString);
    }

    @Test
    void carriersNeedNoMarkers() {
        assertEquals("int", carriers.carrier(PrimitiveType.U32, false));
        assertEquals("int", carriers.carrier(PrimitiveType.CHAR, false));
        assertEquals("byte[]", carriers.carrier(new ListType(PrimitiveType.U8), false));
        assertEquals("List<Integer>", carriers.carrier(new ListType(PrimitiveType.U32), false));
        assertEquals("EnumSet<Permissions>",
                carriers.carrier(new FlagsType("permissions", List.of("read")), false));
        assertEquals("@Borrow Bucket", carriers.carrier(HandleType.borrow(BUCKET_RESOURCE), false));
    }

    @Test
    void namesCorrespondIgnoringCaseAndTheWitNamesWin() {
        // A Java name keeps no upper-case fragment: record Http is the case 'http', which carries WIT's 'HTTP'.
        ClassName scheme = ClassName.get("com.example", "Scheme");
        ValueType java = new ValueType(scheme, new VariantType("scheme", List.of(VariantType.Case.of("http"),
                VariantType.Case.of("other", PrimitiveType.STRING))), new Shape.Variant(List.of(
                new Shape.Case(scheme.nestedClass("Http"), "http", Optional.empty()),
                new Shape.Case(scheme.nestedClass("Other"), "other", Optional.of(new Shape.Field("value", "value",
                        new ValueType(ClassName.get(String.class), PrimitiveType.STRING)))))));
        VariantType wit = new VariantType("scheme", List.of(VariantType.Case.of("HTTP"),
                VariantType.Case.of("other", PrimitiveType.STRING)));
        List<String> problems = new ArrayList<>();

        ValueType retyped = retype(java, wit, problems).orElseThrow();

        assertEquals(List.of(), problems);
        assertEquals(wit, retyped.witType());
        assertEquals("HTTP", ((Shape.Variant) retyped.shape()).cases().get(0).witName());
    }
}
