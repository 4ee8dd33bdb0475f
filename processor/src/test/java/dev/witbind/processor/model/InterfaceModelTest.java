package dev.witbind.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterfaceModelTest {
    private static final ClassName HOST = ClassName.get("com.example", "Host");

    @Test
    void bindingsAreASiblingNamedAfterEveryEnclosingClass() {
        InterfaceModel topLevel = new InterfaceModel(HOST, "example:greeter/host", List.of());
        InterfaceModel nested = new InterfaceModel(ClassName.get("com.example", "A", "B", "C"), "example:greeter/host",
                List.of());

        assertEquals(ClassName.get("com.example", "Host_WitBindings"), topLevel.bindingsName());
        assertEquals(ClassName.get("com.example", "A_B_C_WitBindings"), nested.bindingsName());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "example:greeter/host@0.2.1, example:greeter/host@0.2",
            "example:greeter/host@2.1.2+abc, example:greeter/host@2",
            "example:greeter/host@0.0.1, none",
            "example:greeter/host@1.0.0-pre, none",
            "example:greeter/host, none"})
    void compatibilityTrackFollowsTheWitRule(String name, String track) {
        assertEquals(Optional.ofNullable(track), new InterfaceModel(HOST, name, List.of()).compatibilityTrack());
    }

    @Test
    void invalidInterfaceNameIsRejected() {
        assertThrows(InvalidNameException.class, () -> new InterfaceModel(HOST, "Example:greeter/host", List.of()));
    }

    @Test
    void functionTypeIsBuiltFromTheParametersAndResult() {
        FunctionModel checksum = new FunctionModel("checksum", "checksum", List.of(
                new ParameterModel("data", "data",
                        new ValueType(ArrayTypeName.of(TypeName.BYTE), new ListType(PrimitiveType.U8))),
                new ParameterModel("seedValue", "seed-value", new ValueType(TypeName.LONG, PrimitiveType.U64))),
                Optional.of(new ValueType(TypeName.INT, PrimitiveType.U32)));

        assertEquals("func(data: list<u8>, seed-value: u64) -> u32", checksum.witType().toString());
    }

    @Test
    void witNamesMustBeLabels() {
        ValueType s32 = new ValueType(TypeName.INT, PrimitiveType.S32);

        assertThrows(InvalidNameException.class,
                () -> new FunctionModel("Get", "get", List.of(), Optional.empty()));
        assertThrows(InvalidNameException.class, () -> new ParameterModel("x_1", "x_1", s32));
    }

    @Test
    void resourceFunctionsHaveResourceNamesAndHandleTypes() {
        ClassName bucket = HOST.nestedClass("Bucket");
        ResourceType resource = new ResourceType("example:kv/store@1.0.0",
                "bucket");
        ValueType borrow = new ValueType(bucket, HandleType.borrow(resource),
                new Shape.Handle(bucket));
        ValueType string = new ValueType(ClassName.get(String.class), PrimitiveType.STRING);

        FunctionModel get = new FunctionModel("[method]bucket.get", "get",
                List.of(new ParameterModel("self", "self", borrow), new ParameterModel("key", "key", string)),
                Optional.of(string), new Invocation.OnSelf(bucket));
        InterfaceModel model = new InterfaceModel(HOST, "example:kv/store@1.0.0", List.of(get),
                List.of(new ResourceModel(bucket, resource)));

        assertEquals("func(self: borrow<bucket>, key: string) -> string", get.witType().toString());
        assertEquals("[resource-drop]bucket", model.resources().get(0).dropFunctionName());
        assertThrows(IllegalArgumentException.class, () -> new FunctionModel("[method]bucket.size", "size", List.of(),
                Optional.empty(), new Invocation.OnSelf(bucket)));
        assertThrows(InvalidNameException.class, () -> new FunctionModel("[method]bucket", "get", List.of(),
                Optional.empty()));
    }

    @Test
    void scalarValueTypesKeepTheirShape() {
        assertTrue(new ValueType(TypeName.INT, PrimitiveType.S32).isScalar());
        assertThrows(IllegalArgumentException.class, () -> new Shape.Record(List.of()));
    }
}
