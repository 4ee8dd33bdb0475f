package dev.witbind.processor.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.ParameterModel;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generator on models built by hand: no javac, so each rule of the Canonical ABI is checked on its own. */
class BindingsGeneratorTest {
    private static final ClassName HOST = ClassName.get("com.example", "Host");
    private static final ValueType STRING = new ValueType(ClassName.get("java.lang", "String"), PrimitiveType.STRING);
    private static final ValueType BYTES = new ValueType(ArrayTypeName.of(TypeName.BYTE),
            new ListType(PrimitiveType.U8));

    @Test
    void declaresTheBindingsClassWithTheNamesComputedAtCompileTime() {
        String code = generate(new InterfaceModel(HOST, "example:greeter/host@0.2.1",
                List.of(function("greet", "greet", STRING, parameter("name", STRING)))));

        assertContains(code,
                "@Generated(\"test.Generator\")",
                "public final class Host_WitBindings implements WitBindings<Host> {",
                "public static final InterfaceName INTERFACE_NAME = InterfaceName.parse("
                        + "\"example:greeter/host@0.2.1\");",
                "<p>Its compatibility track is {@code example:greeter/host@0.2}",
                "public Host_WitBindings() {",
                "public InterfaceName interfaceName() {",
                "return INTERFACE_NAME;",
                "public void defineFunctions(FunctionDefinitions<Host> functions) {",
                "functions.define(\"greet\", GREET, new Handles(0));",
                "private record Handles(int index) implements ImportHandleFactory<Host> {",
                "public ImportHandle bind(LiftLowerContext context, String function, Host implementation) {");
    }

    @Test
    void nameWithoutTrackSaysSo() {
        String code = generate(new InterfaceModel(HOST, "example:greeter/host@0.0.1",
                List.of(function("ping", "ping", null))));

        assertContains(code,
                "<p>It has no compatibility track (it has no version, a {@code 0.0.x} version or a",
                "so it matches only imports of exactly this name.");
    }

    @Test
    void nestedClassGetsASiblingNamedAfterItsEnclosingClasses() {
        ClassName inner = ClassName.get("com.example", "Outer", "Inner");

        String code = generate(new InterfaceModel(inner, "example:greeter/host@1.0.0",
                List.of(function("ping", "ping", null))));

        assertContains(code,
                "public final class Outer_Inner_WitBindings implements WitBindings<Outer.Inner> {",
                "public Class<Outer.Inner> implementationType() {",
                "return Outer.Inner.class;");
    }

    @Test
    void flatArgumentsAreLiftedInFlattenedOrder() {
        String code = generate(model(function("mix", "mix", null,
                parameter("count", new ValueType(TypeName.LONG, PrimitiveType.U64)),
                parameter("text", STRING),
                parameter("ratio", new ValueType(TypeName.DOUBLE, PrimitiveType.F64)),
                parameter("data", BYTES),
                parameter("flag", new ValueType(TypeName.BOOLEAN, PrimitiveType.BOOL)),
                parameter("letter", new ValueType(TypeName.INT, PrimitiveType.CHAR)),
                parameter("small", new ValueType(TypeName.SHORT, PrimitiveType.U16)))));

        assertContains(code,
                "long count = args[0];",
                "String text = cx.liftString((int) args[1], (int) args[2]);",
                "double ratio = Abi.liftF64(args[3]);",
                "byte[] data = cx.liftBytes((int) args[4], (int) args[5]);",
                "boolean flag = Abi.liftBool(args[6]);",
                "int letter = Abi.liftChar(args[7]);",
                "short small = (short) args[8];",
                "implementation.mix(count, text, ratio, data, flag, letter, small);",
                "return NO_RESULTS;");
    }

    @Test
    void stringAndListResultsAreStoredThroughTheReturnPointerAfterTheArguments() {
        String code = generate(model(
                function("greet", "greet", STRING, parameter("name", STRING)),
                function("reverse", "reverse", BYTES, parameter("data", BYTES),
                        parameter("times", new ValueType(TypeName.INT, PrimitiveType.U32)))));

        assertContains(code,
                "String result = implementation.greet(name);",
                "cx.storeString((int) args[2], result);",
                "byte[] result = implementation.reverse(data, times);",
                "cx.storeBytes((int) args[3], result);");
    }

    @Test
    void scalarResultsAreLoweredToOneCoreValueWithUnsignedValuesZeroExtended() {
        String code = generate(model(
                function("u8", "u8", new ValueType(TypeName.BYTE, PrimitiveType.U8)),
                function("u16", "u16", new ValueType(TypeName.SHORT, PrimitiveType.U16)),
                function("u32", "u32", new ValueType(TypeName.INT, PrimitiveType.U32)),
                function("u64", "u64", new ValueType(TypeName.LONG, PrimitiveType.U64)),
                function("s8", "s8", new ValueType(TypeName.BYTE, PrimitiveType.S8)),
                function("yes", "yes", new ValueType(TypeName.BOOLEAN, PrimitiveType.BOOL)),
                function("f32", "f32", new ValueType(TypeName.FLOAT, PrimitiveType.F32)),
                function("f64", "f64", new ValueType(TypeName.DOUBLE, PrimitiveType.F64)),
                function("letter", "letter", new ValueType(TypeName.INT, PrimitiveType.CHAR))));

        assertContains(code,
                "byte result = implementation.u8();\n                    return new long[] {result & 0xFFL};",
                "short result = implementation.u16();\n                    return new long[] {result & 0xFFFFL};",
                "int result = implementation.u32();\n                    return new long[] {result & 0xFFFFFFFFL};",
                "long result = implementation.u64();\n                    return new long[] {result};",
                "byte result = implementation.s8();\n                    return new long[] {result};",
                "return new long[] {Abi.lowerBool(result)};",
                "return new long[] {Abi.lowerF32(result)};",
                "return new long[] {Abi.lowerF64(result)};",
                "return new long[] {Abi.lowerChar(result)};");
    }

    @Test
    void parametersThatFlattenToMoreThanSixteenValuesArriveThroughAPointer() {
        List<ParameterModel> parameters = new ArrayList<>();
        parameters.add(parameter("flag", new ValueType(TypeName.BOOLEAN, PrimitiveType.BOOL)));
        parameters.add(parameter("big", new ValueType(TypeName.LONG, PrimitiveType.S64)));
        for (int i = 0; i < 14; i++) {
            parameters.add(parameter("p" + i, new ValueType(TypeName.INT, PrimitiveType.S32)));
        }
        parameters.add(parameter("text", STRING));

        String code = generate(model(new FunctionModel("many", "many", parameters, Optional.of(STRING))));

        // bool at 0, s64 at 8, fourteen s32 from 16 to 68, the string at 72: 80 bytes, aligned to 8.
        assertContains(code,
                "int params = cx.checkRange((int) args[0], 80, 8, \"the parameters\");",
                "boolean flag = Abi.liftBool(cx.loadI8(params));",
                "long big = cx.loadI64(params + 8);",
                "int p0 = cx.loadI32(params + 16);",
                "int p13 = cx.loadI32(params + 68);",
                "String text = cx.liftString(cx.loadI32(params + 72), cx.loadI32(params + 76));",
                "cx.storeString((int) args[1], result);");
    }

    @Test
    void sixteenFlatValuesStillTravelAsArguments() {
        List<ParameterModel> parameters = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            parameters.add(parameter("p" + i, new ValueType(TypeName.INT, PrimitiveType.S32)));
        }

        String code = generate(model(new FunctionModel("sixteen", "sixteen", parameters, Optional.empty())));

        assertContains(code, "int p15 = (int) args[15];");
        assertFalse(code.contains("checkRange"), code);
    }

    @Test
    void outputIsDeterministic() {
        InterfaceModel model = model(function("greet", "greet", STRING, parameter("name", STRING)));

        assertEquals(generate(model), generate(model));
    }

    private static String generate(InterfaceModel model) {
        return new BindingsGenerator("test.Generator").generate(model, List.of()).toString();
    }

    private static InterfaceModel model(FunctionModel... functions) {
        return new InterfaceModel(HOST, "example:test/host@1.0.0", List.of(functions));
    }

    /** A function; {@code result} is {@code null} for none. */
    private static FunctionModel function(String witName, String javaName, ValueType result,
            ParameterModel... parameters) {
        return new FunctionModel(witName, javaName, List.of(parameters), Optional.ofNullable(result));
    }

    private static ParameterModel parameter(String name, ValueType type) {
        return new ParameterModel(name, name, type);
    }

    private static void assertContains(String code, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(code.contains(fragment), () -> "missing: " + fragment + "\nin:\n" + code);
        }
    }
}
