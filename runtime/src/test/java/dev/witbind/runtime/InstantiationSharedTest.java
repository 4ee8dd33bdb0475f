package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Instantiation#shared}: one object per type and instance, made on the first ask. */
class InstantiationSharedTest {
    @Test
    void theFirstAskMakesTheObjectAndLaterAsksGetTheSameOne() {
        Instantiation instantiation = new Instantiation("guest.wasm", "data");
        List<String> madeFor = new ArrayList<>();

        StringBuilder first = instantiation.shared(StringBuilder.class, i -> {
            madeFor.add(i.guestName() + " " + i.data(String.class));
            return new StringBuilder();
        });
        StringBuilder second = instantiation.shared(StringBuilder.class, i -> new StringBuilder("other"));

        assertSame(first, second);
        assertEquals(List.of("guest.wasm data"), madeFor);
    }

    @Test
    void eachInstanceHasItsOwn() {
        StringBuilder one = new Instantiation("a", null).shared(StringBuilder.class, i -> new StringBuilder());
        StringBuilder two = new Instantiation("a", null).shared(StringBuilder.class, i -> new StringBuilder());

        assertNotSame(one, two);
    }

    @Test
    void aFactoryThatMakesNothingIsRefusedByName() {
        Instantiation instantiation = new Instantiation("guest.wasm", null);

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> instantiation.shared(StringBuilder.class, i -> null));

        assertTrue(error.getMessage().contains("java.lang.StringBuilder is null"), error.getMessage());
    }
}
