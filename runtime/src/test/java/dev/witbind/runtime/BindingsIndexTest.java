package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link Linker#register} on a class without generated bindings; found ones are tested with real bindings in the
 * samples.
 */
class BindingsIndexTest {
    static final class NotAnnotated {}

    @Test
    void aClassWithoutBindingsNamesTheBindingsItLookedFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Linker().register(new NotAnnotated()));
        assertEquals("dev.witbind.runtime.BindingsIndexTest$NotAnnotated has no generated witbind bindings "
                + "(dev.witbind.runtime.BindingsIndexTest_NotAnnotated_WitBindings in "
                + "META-INF/services/dev.witbind.runtime.WitBindings): annotate it with @WitInterface and put "
                + "witbind-processor on the annotation processor path, or register its functions by hand with "
                + "Linker.instance(name).func(...)", e.getMessage());
    }
}
