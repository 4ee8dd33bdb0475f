package dev.witbind.samples.handles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestFunction;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The handles guest ({@code src/test/guests/handles/}, world {@code handles-guest} of
 * {@code src/main/wit/handles/two.wit}): resources lent and given to a guest through the dynamic export path, a
 * handle of the wrong resource type, a borrow that outlives its call, and variant payloads that cross the
 * Canonical ABI's join bit-casts. The export types come from the WIT world.
 */
class HandlesGuestTest {
    private static final WitWorld WORLD = WitPackages.load(Path.of("src/main/wit/handles"))
            .findWorld("handles-guest").orElseThrow();
    private static final String TWO = "test:handles/two@1.0.0#";
    private static final String OWNERSHIP_OF_BORROW =
            "handle 1 (borrow<apple>) is a borrow<apple>, so ownership of it cannot move to the host";

    private final TwoResourcesHost host = new TwoResourcesHost();
    private final Linker linker = new Linker().register(host);

    private GuestInstance instantiate(Engine engine) {
        return linker.instantiate(GuestModule.fromResource(HandlesGuestTest.class.getClassLoader(),
                "guests/handles/handles.wasm"), engine);
    }

    private static GuestFunction export(GuestInstance guest, String name) {
        WorldItem.Function item = (WorldItem.Function) WORLD.exportNamed(name).orElseThrow();
        return guest.function(name, item.function().type());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void variantPayloadsArriveWithExactlyTheBitsTheJoinCarries(Engine engine) {
        GuestInstance guest = instantiate(engine);

        assertEquals(String.join("\n",
                "nothing",
                "small(f32 0x80000000 -0.0)",
                "small(f32 0x7FC00000 NaN)",
                "small(f32 0x3FC00000 1.5)",
                "big(f64 0xC00921FB54442D18 -3.141592653589793)",
                "big(f64 0x7FF8000000000000 NaN)",
                "wide(s64 -9223372036854775808)",
                "tiny(u8 255)",
                "tiny(u8 7)",
                "both(x=f32 0xBF800000 -1.0, y=f64 0x7E37E43C8800759C 1.0E300)",
                "both(x=f32 0x7FC00000 NaN, y=f64 0x8000000000000000 -0.0)"),
                export(guest, "variant-joins").call());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestUsesBothResources(Engine engine) {
        GuestInstance guest = instantiate(engine);

        assertEquals(1007, export(guest, "ok").call());
        assertEquals(List.of("pear 3", "apple 7"), host.closed());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHandleOfTheOtherResourceTrapsNamingBoth(Engine engine) {
        GuestInstance guest = instantiate(engine);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> export(guest, "wrong-type-handle").call());

        assertEquals(Optional.of(TWO + "[method]apple.weight"), trap.function());
        assertEquals("handle 1 (own<pear>) is not a handle to apple of test:handles/two@1.0.0", trap.reason());
        assertPoisonedWhileAFreshInstanceWorks(guest, engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBorrowTheGuestKeepsPastItsCallTraps(Engine engine) {
        GuestInstance guest = instantiate(engine);
        TwoResourcesHost.Apple apple = host.new Apple(5);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> export(guest, "keep-borrow").call(apple));

        assertEquals(Optional.of("export 'keep-borrow' of guest 'handles.wasm'"), trap.function());
        assertEquals("handle 1 (borrow<apple>) outlived the call it was lent for (a guest must drop the borrow "
                + "handles it is given before the call returns)", trap.reason());
        assertEquals(List.of(), host.closed());
        assertPoisonedWhileAFreshInstanceWorks(guest, engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBorrowTheGuestDropsLeavesTheResourceOpen(Engine engine) {
        GuestInstance guest = instantiate(engine);
        TwoResourcesHost.Apple apple = host.new Apple(5);
        GuestFunction useBorrow = export(guest, "use-borrow");

        assertEquals(5, useBorrow.call(apple));
        assertEquals(5, useBorrow.call(apple));
        assertEquals(List.of(), host.closed());
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestLendsItsBorrowBackToTheHost(Engine engine) {
        GuestInstance guest = instantiate(engine);

        assertEquals(9, export(guest, "weigh-lent").call(host.new Apple(5), 4));
        assertEquals(List.of("pear 4"), host.closed());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestCannotGiveAwayWhatItOnlyBorrows(Engine engine) {
        GuestInstance guest = instantiate(engine);
        TwoResourcesHost.Apple apple = host.new Apple(5);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> export(guest, "move-borrow").call(apple));

        assertEquals(Optional.of(TWO + "eat"), trap.function());
        assertEquals(OWNERSHIP_OF_BORROW, trap.reason());
        assertEquals(List.of(), host.closed());
        assertPoisonedWhileAFreshInstanceWorks(guest, engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestCannotReturnWhatItOnlyBorrows(Engine engine) {
        GuestInstance guest = instantiate(engine);

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> export(guest, "return-borrow").call(host.new Apple(5)));

        assertEquals(Optional.of("export 'return-borrow' of guest 'handles.wasm'"), trap.function());
        assertEquals(OWNERSHIP_OF_BORROW, trap.reason());
        assertPoisonedWhileAFreshInstanceWorks(guest, engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOwnedResourceTheGuestDropsIsClosed(Engine engine) {
        GuestInstance guest = instantiate(engine);

        assertEquals(5, export(guest, "take-own").call(host.new Apple(5)));
        assertEquals(List.of("apple 5"), host.closed());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ownedResultsComeBackAsTheResourceObjects(Engine engine) {
        GuestInstance guest = instantiate(engine);
        TwoResourcesHost.Apple apple = host.new Apple(5);

        assertSame(apple, export(guest, "give-back").call(apple));
        Object made = export(guest, "make-apple").call(12);
        assertEquals(12, ((TwoResourcesHost.Apple) made).weight());
        // both came back out of the guest's table: taking them again would find an empty one
        assertEquals(5, export(guest, "take-own").call(apple));
        assertEquals(List.of("apple 5"), host.closed());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMissingResourceIsRefusedBeforeTheGuestRuns(Engine engine) {
        GuestInstance guest = instantiate(engine);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> export(guest, "use-borrow").call((Object) null));

        assertEquals("export 'use-borrow' of guest 'handles.wasm': argument 'b' (borrow<apple>) must be the "
                + "resource's Java object, not null", thrown.getMessage());
        assertFalse(guest.isPoisoned());
        assertEquals(7, export(guest, "use-borrow").call(host.new Apple(7)));
    }

    private void assertPoisonedWhileAFreshInstanceWorks(GuestInstance guest, Engine engine) {
        assertTrue(guest.isPoisoned());
        WitTrapException again = assertThrows(WitTrapException.class, () -> export(guest, "ok").call());
        assertTrue(again.getMessage().contains("trapped earlier and cannot be entered again"), again.getMessage());
        assertEquals(1007, export(instantiate(engine), "ok").call());
    }
}
