package dev.witbind.processor.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.Invocation;
import dev.witbind.processor.model.ParameterModel;
import dev.witbind.processor.model.ResourceModel;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.VariantType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The compound-type code on models built by hand: layouts, flat positions and joins computed at compile time, one
 * helper per type, and the checks the Canonical ABI asks for.
 */
class ValueCodeGeneratorTest {
    private static final String INTERFACE = "example:zoo/types@1.0.0";
    private static final ClassName HOST = ClassName.get("com.example", "Host");
    private static final ValueType STRING = new ValueType(ClassName.get(String.class), PrimitiveType.STRING);
    private static final ValueType F32 = new ValueType(TypeName.FLOAT, PrimitiveType.F32);
    private static final ValueType F64 = new ValueType(TypeName.DOUBLE, PrimitiveType.F64);
    private static final ValueType S32 = new ValueType(TypeName.INT, PrimitiveType.S32);
    private static final ValueType U64 = new ValueType(TypeName.LONG, PrimitiveType.U64);

    private static final ClassName POINT_CLASS = HOST.nestedClass("Point");
    private static final ValueType POINT = new ValueType(POINT_CLASS,
            new RecordType("point", List.of(new RecordType.Field("x", PrimitiveType.F32),
                    new RecordType.Field("y", PrimitiveType.F32))),
            new Shape.Record(List.of(new Shape.Field("x", "x", F32), new Shape.Field("y", "y", F32))));

    /** f32, s32, f64, u64, string and point: flat {@code [i32, i64, i32]}. */
    private static final ValueType SHAPE = variant(
            shapeCase("empty", null), shapeCase("ratio", F32), shapeCase("count", S32), shapeCase("precise", F64),
            shapeCase("big", U64), shapeCase("label", STRING), shapeCase("at", POINT));

    private static final ClassName COLOR_CLASS = HOST.nestedClass("Color");
    private static final ValueType COLOR = new ValueType(COLOR_CLASS,
            new EnumType("color", List.of("red", "green")), new Shape.Enum(List.of("RED", "GREEN")));

    private record CaseSpec(String name, ValueType payload) {}

    private static CaseSpec shapeCase(String name, ValueType payload) {
        return new CaseSpec(name, payload);
    }

    private static ValueType variant(CaseSpec... specs) {
        ClassName shapeClass = HOST.nestedClass("Shape");
        List<Shape.Case> cases = new java.util.ArrayList<>();
        List<VariantType.Case> witCases = new java.util.ArrayList<>();
        for (CaseSpec spec : specs) {
            String simple = Character.toUpperCase(spec.name().charAt(0)) + spec.name().substring(1);
            Optional<Shape.Field> payload = Optional.ofNullable(spec.payload())
                    .map(type -> new Shape.Field("value", "value", type));
            cases.add(new Shape.Case(shapeClass.nestedClass(simple), spec.name(), payload));
            witCases.add(new VariantType.Case(spec.name(), payload.map(field -> field.type().witType())));
        }
        return new ValueType(shapeClass, new VariantType("shape", witCases), new Shape.Variant(cases));
    }

    @Test
    void variantPayloadsShareTheJoinedSlotsWithTheSpecsBitCasts() {
        String code = generate(function("echo", SHAPE, parameter("shape", SHAPE)));

        assertContains(code,
                "Host.Shape shape = liftShape(cx, args[0], args[1], args[2]);",
                "private static Host.Shape liftShape(LiftLowerContext cx, long a0, long a1, long a2) {",
                // f32 in the i64 slot, s32 in the i64 slot, f64 in the i64 slot, u64 as is.
                "case 1 -> new Host.Shape.Ratio(Abi.liftF32(a1));",
                "case 2 -> new Host.Shape.Count((int) a1);",
                "case 3 -> new Host.Shape.Precise(Abi.liftF64(a1));",
                "case 4 -> new Host.Shape.Big(a1);",
                "case 5 -> new Host.Shape.Label(cx.liftString((int) a1, (int) a2));",
                // A record payload of two f32: the first in the i64 slot, the second in the i32 slot.
                "case 6 -> new Host.Shape.At(liftPoint(cx, a1, a2));",
                "for variant shape (7 cases)");
    }

    @Test
    void variantInMemoryHasItsPayloadAfterTheAlignedDiscriminant() {
        String code = generate(function("echo", SHAPE, parameter("shape", SHAPE)));

        assertContains(code,
                "int retptr = cx.checkRange((int) args[3], 16, 8, \"the return pointer\");",
                "storeShape(cx, retptr, Abi.requireValue(result, \"the result\"));",
                "} else if (value instanceof Host.Shape.Precise c) {",
                "cx.storeI64(ptr + 8, Abi.lowerF64(c.value()));",
                "storePoint(cx, ptr + 8, Abi.requireValue(c.value(),",
                "\"the payload of case at of variant shape\"");
    }

    @Test
    void moreThanSixteenFlatParametersAreLoadedWithTheLoadHelpers() {
        List<ParameterModel> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parameters.add(parameter("s" + i, SHAPE));
        }
        String code = generate(new FunctionModel("many", "many", parameters, Optional.empty()));

        assertContains(code,
                "int params = cx.checkRange((int) args[0], 96, 8, \"the parameters\");",
                "Host.Shape s0 = loadShape(cx, params);",
                "Host.Shape s5 = loadShape(cx, params + 80);",
                "int discriminant = cx.loadI8(ptr) & 0xFF;",
                "case 3 -> new Host.Shape.Precise(Abi.liftF64(cx.loadI64(ptr + 8)));");
    }

    @Test
    void eachHelperIsGeneratedOncePerBindingsClass() {
        String code = generate(function("a", SHAPE, parameter("shape", SHAPE)),
                function("b", SHAPE, parameter("shape", SHAPE)));

        assertEquals(1, count(code, "private static Host.Shape liftShape("));
        assertEquals(1, count(code, "private static void storeShape("));
        assertEquals(1, count(code, "static final VariantType SHAPE_VARIANT = "));
    }

    @Test
    void listsCheckTheirRangeWithTheElementLayoutAndAllocateWithIt() {
        ValueType points = new ValueType(ParameterizedTypeName.get(ClassName.get(List.class), POINT_CLASS),
                new ListType(POINT.witType()), new Shape.ListOf(POINT));
        String code = generate(function("copy", points, parameter("points", points)));

        assertContains(code,
                "cx.checkListRange(ptr, len, 8, 4, \"list<point>\");",
                "int element = ptr + i * 8;",
                "list.add(loadPoint(cx, element));",
                "int data = cx.allocate(4, Math.multiplyExact(len, 8), \"list<point>\");",
                "storePoint(cx, element, Abi.requireValue(item, \"an element of list<point>\"));");
    }

    @Test
    void primitiveArraysMapToListsOfTheirElements() {
        ValueType longs = new ValueType(ArrayTypeName.of(TypeName.LONG), new ListType(PrimitiveType.U64),
                new Shape.PrimitiveArray());
        String code = generate(function("sum", longs, parameter("values", longs)));

        assertContains(code,
                "long[] values = liftU64Array(cx, (int) args[0], (int) args[1]);",
                "cx.checkListRange(ptr, len, 8, 8, \"list<u64>\");",
                "array[i] = cx.loadI64(element);",
                "cx.storeI64(element, value[i]);");
    }

    @Test
    void enumsFlagsAndOptionsOfOneFlatValueAreReturnedDirectly() {
        ClassName permission = HOST.nestedClass("Permission");
        ValueType flags = new ValueType(ParameterizedTypeName.get(ClassName.get("java.util", "EnumSet"), permission),
                new FlagsType("permission", List.of("read", "write")),
                new Shape.Flags(permission, List.of("READ", "WRITE")));
        String code = generate(function("mix", COLOR, parameter("flags", flags)),
                function("flags", flags, parameter("color", COLOR)));

        assertContains(code,
                "EnumSet<Host.Permission> flags = liftPermissionFlags((int) args[0]);",
                "return new long[] {Abi.requireValue(result, \"the result\").ordinal()};",
                "return new long[] {lowerPermissionFlags(Abi.requireValue(result, \"the result\")) & 0xFFFFFFFFL};",
                "if ((bits & 0x2) != 0) {",
                "bits |= 1 << flag.ordinal();",
                "case 1 -> Host.Color.GREEN;",
                "for enum color (2 cases)");
    }

    @Test
    void resultsWithoutPayloadUseIsOkAndCastsForTheErrorPayload() {
        ValueType result = new ValueType(ParameterizedTypeName.get(ClassName.get("dev.witbind.wit.values", "Result"),
                ClassName.get(Void.class), COLOR_CLASS),
                new ResultType(Optional.empty(), Optional.of(COLOR.witType())),
                new Shape.Result(Optional.empty(), Optional.of(COLOR)));
        ValueType option = new ValueType(ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)),
                new OptionType(PrimitiveType.STRING), new Shape.Option(STRING));
        String code = generate(function("check", result, parameter("name", option)));

        assertContains(code,
                "Optional<String> name = liftOptionOfString(cx, args[0], args[1], args[2]);",
                "case 0 -> Optional.empty();",
                "case 1 -> Optional.of(cx.liftString((int) a1, (int) a2));",
                "for option<string> (2 cases)",
                "if (value.isOk()) {",
                "Result.Err<Void, Host.Color> err = (Result.Err<Void, Host.Color>) value;",
                "cx.storeI8(ptr + 1, (byte) Abi.requireValue(err.error(),");
    }

    @Test
    void resourcesGetAConstantAHandleLiftAndADropFunction() {
        ClassName bucket = HOST.nestedClass("Bucket");
        ResourceType resource = new ResourceType(INTERFACE, "bucket");
        ValueType own = new ValueType(bucket, HandleType.own(resource), new Shape.Handle(bucket));
        ValueType borrow = new ValueType(bucket, HandleType.borrow(resource), new Shape.Handle(bucket));
        List<FunctionModel> functions = List.of(
                new FunctionModel("[constructor]bucket", "Bucket", List.of(parameter("name", STRING)), Optional.of(own),
                        new Invocation.Constructor(bucket, true)),
                new FunctionModel("[method]bucket.merge", "merge",
                        List.of(parameter("self", borrow), parameter("other", own)), Optional.empty(),
                        new Invocation.OnSelf(bucket)),
                new FunctionModel("[static]bucket.open", "open", List.of(), Optional.of(own),
                        new Invocation.Static(bucket)));
        String code = new BindingsGenerator("test.Generator")
                .generate(new InterfaceModel(HOST, INTERFACE, functions, List.of(new ResourceModel(bucket, resource))),
                        List.of())
                .toString();

        assertContains(code,
                "static final ResourceType BUCKET_RESOURCE = new ResourceType(INTERFACE_NAME.toString(), \"bucket\");",
                "static final WitFunctionType BUCKET_CONSTRUCTOR = ",
                "static final WitFunctionType BUCKET_MERGE = ",
                "static final WitFunctionType BUCKET_OPEN = ",
                "Host.Bucket result = implementation.new Bucket(name);",
                "return new long[] {cx.lowerOwn(BUCKET_RESOURCE, Abi.requireValue(result, \"the result\"))};",
                "Host.Bucket self = (Host.Bucket) cx.liftBorrow(BUCKET_RESOURCE, (int) args[0]);",
                "Host.Bucket other = (Host.Bucket) cx.liftOwn(BUCKET_RESOURCE, (int) args[1]);",
                "self.merge(other);",
                "Host.Bucket result = Host.Bucket.open();",
                "functions.define(\"[resource-drop]bucket\", BUCKET_DROP, new Handles(",
                "cx.dropResource(BUCKET_RESOURCE, (int) args[0]);");
    }

    @Test
    void outputIsDeterministic() {
        InterfaceModel model = new InterfaceModel(HOST, INTERFACE,
                List.of(function("echo", SHAPE, parameter("shape", SHAPE)), function("mix", COLOR)));

        assertEquals(new BindingsGenerator("g").generate(model, List.of()).toString(),
                new BindingsGenerator("g").generate(model, List.of()).toString());
    }

    private static FunctionModel function(String name, ValueType result, ParameterModel... parameters) {
        return new FunctionModel(name, name, List.of(parameters), Optional.of(result));
    }

    private static ParameterModel parameter(String name, ValueType type) {
        return new ParameterModel(name, name, type);
    }

    private static String generate(FunctionModel... functions) {
        return new BindingsGenerator("test.Generator")
                .generate(new InterfaceModel(HOST, INTERFACE, List.of(functions)), List.of()).toString();
    }

    private static int count(String code, String fragment) {
        return code.split(java.util.regex.Pattern.quote(fragment), -1).length - 1;
    }

    private static void assertContains(String code, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(code.contains(fragment), () -> "missing: " + fragment + "\n" + code);
        }
    }
}
