package dev.witbind.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One hand-written invalid component per validation rule (src/test/guests/invalid/*.wat, assembled by jco parse):
 * each is refused with the rule, the byte offset of the definition or declarator that breaks it, its section, and
 * a message that says what was found. The offsets point at the start of the offending item (the byte after its
 * section's size and count for the first item of a section).
 */
class ValidationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alias-index               | INDEX             | 11  | ALIAS         | instance index 3 is out of bounds (0 defined so far)
            alias-missing-export      | ALIAS_EXPORT      | 41  | ALIAS         | instance 0 has no export named 'tock'
            borrow-in-result          | BORROW_IN_RESULT  | 21  | TYPE          | a function type whose result contains a borrow handle
            constructor-wrong-result  | ANNOTATED_NAME    | 29  | TYPE          | the constructor '[constructor]bucket' must return own<bucket> or result<own<bucket>, e>
            core-missing-import       | CORE_INSTANTIATE  | 49  | CORE_INSTANCE | core module 0 imports 'env' 'f', but no instance argument is named 'env'
            core-wrong-import-type    | CORE_INSTANTIATE  | 100 | CORE_INSTANCE | 'env' 'f': the module imports a function of type [] -> [], but one of type [i32] -> [] is supplied
            destructor-wrong-type     | RESOURCE_TYPE     | 77  | TYPE          | the destructor, core func 0, has type [i64] -> []; it must be [i32] -> []
            export-ascription         | EXPORT            | 39  | EXPORT        | the export 'g' ascribes a type its definition does not have: the function types differ
            field-not-unique          | NAME_UNIQUE       | 11  | TYPE          | the record field 'SIZE' is not strongly unique: it clashes with 'size'
            instantiate-missing-arg   | INSTANTIATE       | 57  | INSTANCE      | component 0 imports 'f', which no argument supplies
            lift-without-memory       | CANON_MEMORY      | 98  | CANON         | canon lift of func(s: string) -> string passes values through memory, but has no memory option
            lift-without-realloc      | CANON_REALLOC     | 108 | CANON         | canon lift of func(s: string) allocates in the core instance
            lift-wrong-core-type      | CANON_LIFT_TYPE   | 83  | CANON         | canon lift of core func 0, of type [i32] -> [i32], as func(x: u64) -> u32, which flattens to [i64] -> [i32]
            lower-without-realloc     | CANON_REALLOC     | 107 | CANON         | canon lower of func() -> string allocates in the core instance
            method-without-self       | ANNOTATED_NAME    | 32  | TYPE          | the method '[method]bucket.size' must take self: borrow<bucket> as its first parameter
            name-grammar              | NAME              | 18  | IMPORT        | invalid name 'get_value': the label 'get_value' is not a kebab-case label
            name-not-unique           | NAME_UNIQUE       | 41  | IMPORT        | the import 'GET-value' is not strongly unique: it clashes with 'get-value'
            name-resource-drop        | NAME              | 29  | IMPORT        | the name '[resource-drop]r': [resource-drop] names core imports only
            outer-alias-resource      | ALIAS_OUTER       | 27  | ALIAS         | an outer alias of type 0, which refers to a resource, across a component boundary
            own-of-record             | RESOURCE_TYPE     | 16  | TYPE          | own of type 0, which is a value type, not a resource type
            post-return-on-lower      | CANON_POST_RETURN | 114 | CANON         | canon lower of func 0 has a post-return option, which only canon lift may have
            post-return-wrong-type    | CANON_POST_RETURN | 128 | CANON         | the post-return function, core func 1, has type [i64] -> []; lifting func() -> string needs [i32] -> []
            realloc-wrong-type        | CANON_REALLOC     | 141 | CANON         | the realloc function, core func 1, has type [i32 i32] -> [i32]
            resource-in-instance-type | DECLARATOR        | 13  | TYPE          | a resource type defined inside an instance type
            resource-not-visible      | EXTERNAL_VISIBILITY | 101 | EXPORT      | the export 'make' uses resource resource-0 defined at type 0, which no import or export names
            resource-new-imported     | RESOURCE_TYPE     | 19  | CANON         | resource.new of type 0, resource r of import r, which this component does not define
            static-without-resource   | ANNOTATED_NAME    | 18  | TYPE          | '[static]bucket.open' names the resource 'bucket', but no resource of that name comes before it
            value-type-is-func        | TYPE_KIND         | 15  | TYPE          | type 0 is used as a value type, but it is a function type
            """)
    void refusesWithRuleOffsetAndFinding(String fixture, Rule rule, int offset, Section section, String finding) {
        byte[] bytes = Fixtures.bytes("invalid/" + fixture + ".wasm");
        ComponentFormatException e = assertThrows(ComponentFormatException.class, () -> Component.read(bytes));
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(section, e.section(), e.getMessage());
        assertTrue(e.finding().startsWith(finding), e.finding());
        assertTrue(e.getMessage().startsWith("invalid component at byte " + offset + " (" + section + "): "),
                e.getMessage());
        assertTrue(e.getMessage().contains("[rule " + rule.name().toLowerCase().replace('_', '-') + ": "),
                e.getMessage());
    }

    @Test
    void theTableCoversEveryInvalidFixture() {
        assertEquals(28, Fixtures.invalidComponents().size(), "add each new invalid fixture to the table above");
    }

    @Test
    void theExceptionIsAWitException() {
        ComponentFormatException e = assertThrows(ComponentFormatException.class,
                () -> Component.read(Fixtures.bytes("invalid/name-grammar.wasm")));
        assertTrue(e instanceof dev.witbind.wit.WitException);
    }
}
