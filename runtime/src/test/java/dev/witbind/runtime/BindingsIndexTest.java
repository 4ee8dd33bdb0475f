package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.errors.WitBindingsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Linker#register} finding bindings through the {@code META-INF/services} index, with the hand-written
 * bindings and the index file of this module's tests (which has comments, indentation and a blank line, as the
 * format allows); generated bindings are tested in the samples.
 */
class BindingsIndexTest {
    static final class NotAnnotated {}

    /** Listed, and its bindings exist. */
    public static final class Listed {}

    /** Listed, but no bindings class exists. */
    static final class Missing {}

    /** Listed, but its bindings bind {@link Listed}. */
    static final class Impostor {}

    @Test
    void listedBindingsAreFoundAndDefineTheirFunctions() {
        Linker linker = new Linker().register(new Listed());

        assertEquals(List.of("ping"), linker.instance("test:index/listed@1.0.0").names());
    }

    @Test
    void aClassWithoutBindingsNamesTheBindingsItLookedFor() {
        WitBindingsException e = assertThrows(WitBindingsException.class,
                () -> new Linker().register(new NotAnnotated()));
        assertEquals("dev.witbind.runtime.BindingsIndexTest$NotAnnotated has no generated witbind bindings "
                + "(dev.witbind.runtime.BindingsIndexTest_NotAnnotated_WitBindings in "
                + "META-INF/services/dev.witbind.runtime.bindings.WitBindings): annotate it with @WitInterface and put "
                + "witbind-processor on the annotation processor path, or register its functions by hand with "
                + "Linker.instance(name).func(...)", e.getMessage());
    }

    /** Annotated, but this module's tests compile without the witbind processor: as a misconfigured build does. */
    @dev.witbind.annotations.WitInterface("test:index/unprocessed@1.0.0")
    static final class CompiledWithoutTheProcessor {}

    @Test
    void anAnnotatedClassWithoutBindingsIsABuildProblemAndTheMessageSaysHowToFixIt() {
        WitBindingsException e = assertThrows(WitBindingsException.class,
                () -> new Linker().register(new CompiledWithoutTheProcessor()));
        assertEquals("dev.witbind.runtime.BindingsIndexTest$CompiledWithoutTheProcessor has no generated witbind "
                + "bindings (dev.witbind.runtime.BindingsIndexTest_CompiledWithoutTheProcessor_WitBindings in "
                + "META-INF/services/dev.witbind.runtime.bindings.WitBindings): it is annotated @WitInterface, so the "
                + "witbind processor did not run when it was compiled. With Maven, list dev.witbind:witbind-processor "
                + "under the maven-compiler-plugin's <annotationProcessorPaths> and give the plugin a <version> of 3.5 "
                + "or later (Maven 3.8's default, 3.1, ignores that list); on JDK 23 or later a processor only on the "
                + "class path also needs -proc:full. Then rebuild the class", e.getMessage());
    }

    @Test
    void aListedClassThatCannotBeLoadedIsAnIndexError() {
        WitBindingsException e = assertThrows(WitBindingsException.class,
                () -> new Linker().register(new Missing()));
        assertTrue(e.getMessage().startsWith("META-INF/services/dev.witbind.runtime.bindings.WitBindings lists "
                + "dev.witbind.runtime.BindingsIndexTest_Missing_WitBindings, which cannot be loaded: "
                + "java.lang.ClassNotFoundException"), e.getMessage());
    }

    @Test
    void bindingsOfAnotherClassAreRefused() {
        WitBindingsException e = assertThrows(WitBindingsException.class,
                () -> new Linker().register(new Impostor()));
        assertEquals("the witbind bindings dev.witbind.runtime.BindingsIndexTest_Impostor_WitBindings bind "
                + "dev.witbind.runtime.BindingsIndexTest$Listed, not dev.witbind.runtime.BindingsIndexTest$Impostor "
                + "(two classes whose names map to the same bindings name?)", e.getMessage());
    }
}
