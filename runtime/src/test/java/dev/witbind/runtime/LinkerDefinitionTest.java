package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.errors.WitDefinitionException;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Defining names in a {@link Linker}, through its public API: DESIGN.md section 2's definition cases. */
class LinkerDefinitionTest {
    private static final WitFunctionType TYPE = WitFunctionType.of(List.of());
    private static final HostCall CALL = (cx, args) -> HostCall.NO_RESULTS;

    @Test
    void definingAFunctionTwiceFails() {
        Linker linker = new Linker();
        linker.root().func("a", TYPE, CALL);
        linker.root().func("b", TYPE, CALL);
        WitDefinitionException e = assertThrows(WitDefinitionException.class,
                () -> linker.root().func("a", TYPE, CALL));
        assertTrue(e.getMessage().startsWith("'a' defined twice"), e.getMessage());
        assertTrue(e.getMessage().contains("Linker.allowShadowing(true)"), e.getMessage());
        assertEquals(List.of("a", "b"), linker.root().names());
    }

    @Test
    void definingAFunctionTwiceWithShadowingIsFine() {
        Linker linker = new Linker().allowShadowing(true);
        linker.root().func("a", TYPE, CALL);
        linker.root().func("b", TYPE, CALL);
        assertDoesNotThrow(() -> linker.root().func("a", TYPE, CALL));
        assertEquals(List.of("a", "b"), linker.root().names());
    }

    @Test
    void shadowingCanBeTurnedOffAgain() {
        Linker linker = new Linker();
        assertSame(linker, linker.allowShadowing(true));
        linker.root().func("a", TYPE, CALL);
        linker.root().func("a", TYPE, CALL);
        linker.allowShadowing(false);
        WitDefinitionException e = assertThrows(WitDefinitionException.class,
                () -> linker.root().func("a", TYPE, CALL));
        assertTrue(e.getMessage().contains("defined twice"), e.getMessage());
    }

    @Test
    void reopeningAnInstanceAddsToIt() {
        Linker linker = new Linker();
        LinkerInstance first = linker.instance("foo").func("a", TYPE, CALL);
        LinkerInstance second = linker.instance("foo").func("b", TYPE, CALL);
        assertSame(first, second);
        assertSame(first, linker.root().instance("foo"));
        assertEquals(List.of("a", "b"), first.names());
        assertEquals(List.of("foo"), linker.root().names());
    }

    @Test
    void definingAFunctionTwiceInAReopenedInstanceFails() {
        Linker linker = new Linker();
        linker.instance("foo").func("a", TYPE, CALL);
        linker.instance("foo").func("b", TYPE, CALL);
        WitDefinitionException e = assertThrows(WitDefinitionException.class,
                () -> linker.instance("foo").func("a", TYPE, CALL));
        assertTrue(e.getMessage().startsWith("'a' in instance 'foo' defined twice"), e.getMessage());
    }

    @Test
    void reopeningWithShadowingKeepsTheInstance() {
        Linker linker = new Linker().allowShadowing(true);
        LinkerInstance first = linker.instance("foo").func("a", TYPE, CALL);
        LinkerInstance second = linker.instance("foo");
        assertSame(first, second);
        assertEquals(List.of("a"), second.names());
    }

    @Test
    void instancesAreReopenedByExactNameOnly() {
        Linker linker = new Linker();
        LinkerInstance older = linker.instance("a:b/c@1.0.0");
        LinkerInstance newer = linker.instance("a:b/c@1.0.1");
        assertNotSame(older, newer);
        assertSame(older, linker.instance("a:b/c@1.0.0"));
        assertEquals(List.of("a:b/c@1.0.0", "a:b/c@1.0.1"), linker.root().names());
    }

    @Test
    void functionThenInstanceWithTheSameNameConflict() {
        Linker linker = new Linker();
        linker.root().func("x", TYPE, CALL);
        WitDefinitionException e = assertThrows(WitDefinitionException.class, () -> linker.instance("x"));
        assertEquals("'x' is a function, not an instance", e.getMessage());
    }

    @Test
    void withShadowingAnInstanceReplacesAFunctionOfTheSameName() {
        Linker linker = new Linker().allowShadowing(true);
        linker.root().func("x", TYPE, CALL);
        LinkerInstance replacement = linker.instance("x");
        assertSame(replacement, linker.instance("x"));
        assertEquals(List.of("x"), linker.root().names());
    }

    @Test
    void instanceThenFunctionWithTheSameNameConflict() {
        Linker linker = new Linker();
        linker.instance("x");
        WitDefinitionException e = assertThrows(WitDefinitionException.class,
                () -> linker.root().func("x", TYPE, CALL));
        assertTrue(e.getMessage().startsWith("'x' defined twice"), e.getMessage());
    }

    @Test
    void functionAndInstanceConflictInsideAnInstance() {
        Linker linker = new Linker();
        linker.instance("foo").func("bar", TYPE, CALL);
        WitDefinitionException e = assertThrows(WitDefinitionException.class,
                () -> linker.instance("foo").instance("bar"));
        assertEquals("'bar' in instance 'foo' is a function, not an instance", e.getMessage());
    }

    @Test
    void nestedInstancesHavePaths() {
        Linker linker = new Linker();
        assertEquals("", linker.root().path());
        LinkerInstance outer = linker.instance("wasi:io/streams@0.2.1");
        LinkerInstance inner = outer.instance("inner");
        assertEquals("wasi:io/streams@0.2.1", outer.path());
        assertEquals("wasi:io/streams@0.2.1/inner", inner.path());
        assertSame(inner, linker.instance("wasi:io/streams@0.2.1").instance("inner"));
        inner.func("f", TYPE, CALL);
        WitDefinitionException e = assertThrows(WitDefinitionException.class, () -> inner.func("f", TYPE, CALL));
        assertTrue(e.getMessage().startsWith("'f' in instance 'wasi:io/streams@0.2.1/inner' defined twice"),
                e.getMessage());
    }

    @Test
    void resourceFunctionNamesAreAccepted() {
        Linker linker = new Linker();
        LinkerInstance instance = linker.instance("wasi:io/streams@0.2.1")
                .func("[constructor]blob", TYPE, CALL)
                .func("[method]blob.read", TYPE, CALL)
                .func("[static]blob.merge", TYPE, CALL)
                .func("get-HTTP-header", TYPE, CALL);
        assertEquals(List.of("[constructor]blob", "[method]blob.read", "[static]blob.merge", "get-HTTP-header"),
                instance.names());
    }

    @Test
    void invalidFunctionNameIsRejectedWithASuggestion() {
        Linker linker = new Linker();
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> linker.instance("foo").func("getThing", TYPE, CALL));
        assertEquals("the label 'getThing'", e.part());
        assertEquals(Optional.of("get-thing"), e.suggestion());
        assertEquals(List.of(), linker.instance("foo").names());
    }

    @Test
    void invalidInstanceNameIsRejectedWithASuggestion() {
        Linker linker = new Linker();
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> linker.instance("wasi:io/streams@0.02"));
        assertEquals("the version '0.02'", e.part());
        assertEquals(Optional.of("wasi:io/streams@0.2.0"), e.suggestion());
        assertEquals(List.of(), linker.root().names());
    }

    @Test
    void functionNeedsTypeAndBody() {
        LinkerInstance instance = new Linker().instance("foo");
        assertThrows(NullPointerException.class, () -> instance.func("f", null, CALL));
        assertThrows(NullPointerException.class, () -> instance.func("f", TYPE, null));
        assertEquals(List.of(), instance.names());
    }

    @Test
    void sameFunctionNameInDifferentInstancesIsFine() {
        Linker linker = new Linker();
        WitFunctionType greet = WitFunctionType.of(List.of(new WitParam("name", PrimitiveType.STRING)),
                PrimitiveType.STRING);
        linker.instance("a:b/c@1.0.0").func("greet", greet, CALL);
        linker.instance("a:b/c@1.0.1").func("greet", greet, CALL);
        assertEquals(List.of("greet"), linker.instance("a:b/c@1.0.0").names());
        assertEquals(List.of("greet"), linker.instance("a:b/c@1.0.1").names());
    }
}
