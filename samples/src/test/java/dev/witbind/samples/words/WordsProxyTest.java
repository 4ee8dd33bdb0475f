package dev.witbind.samples.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitExportException;
import dev.witbind.samples.greeter.GreeterHost;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proxies {@code @WitBindgen} generated on this package from the words component's own WIT call the component:
 * {@link WordsGuest}, for the exported interface {@code example:text/words@0.1.0}, asks the instance for
 * {@code example:text/words@0.1.0#count} and the others, which a component resolves through its exported interface;
 * {@link TextGuest} calls the world-level {@code version}.
 */
class WordsProxyTest {
    private static final String TEXT = "  grüße an die   Welt\t!";

    private static GuestInstance instantiate(Engine engine) {
        return new Linker().instantiate(GuestComponent.fromResource(WordsProxyTest.class.getClassLoader(),
                "guests/components/words/words.wasm"), engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theInterfaceProxyCallsTheComponentsExportedInterface(Engine engine) {
        WordsGuest words = new WordsGuest(instantiate(engine));

        assertEquals(5, words.count(TEXT));
        assertEquals("  GRüßE AN DIE   WELT\t!", words.shout(TEXT));
        assertEquals(new Summary(5, 15, "grüße"), words.stats(TEXT));
        assertEquals(List.of("grüße", "an", "die", "Welt", "!"), words.split(TEXT));
        assertEquals(List.of(), words.split(" \t "));
        assertEquals(new Summary(0, 0, ""), words.stats(""));
        assertFalse(words.guestInstance().isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theWorldProxyAndTheInterfaceProxyShareOneInstance(Engine engine) {
        GuestInstance instance = instantiate(engine);
        TextGuest text = new TextGuest(instance);
        WordsGuest words = new WordsGuest(instance);

        assertEquals("words 0.1.0", text.version());
        assertEquals("HELLO", words.shout("hello"));
        assertEquals(List.of("example:text/words@0.1.0", "version"), instance.exportNames());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestWithoutTheInterfaceIsRefusedWhenTheProxyIsMade(Engine engine) {
        // the greeter component exports only the world-level run
        GuestInstance greeter = new Linker().register(new GreeterHost())
                .instantiate(GuestComponent.fromResource(WordsProxyTest.class.getClassLoader(),
                        "guests/components/greeter/greeter-0.2.1.wasm"), engine);

        WitExportException missing = assertThrows(WitExportException.class, () -> new WordsGuest(greeter));
        assertEquals("guest 'greeter-0.2.1.wasm' exports no instance 'example:text/words@0.1.0'; it exports run",
                missing.getMessage());
    }
}
