package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestFunction;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.abi.GuestResource;
import dev.witbind.runtime.errors.WitExportException;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GuestInstance.function("<interface>#<function>", type)} on a component: the name a core module gives a
 * function of an exported interface, and the one {@code @WitBindgen}'s proxies ask for, finds the function through
 * {@code exports(interface)}, on the interface's compatibility track as that does. On the counters component
 * (an exported interface with a guest-defined resource, re-exported by a nested component) and the words component
 * (an exported interface without resources, beside a world-level function).
 */
class InterfaceFunctionNameTest {
    private static final String COUNTERS = "example:counters/counters@0.1.0";
    private static final ResourceType COUNTER = new ResourceType(COUNTERS, "counter");
    private static final WitFunctionType LIVE = WitFunctionType.of(List.of(), PrimitiveType.U32);
    private static final WitFunctionType STRING_TO_STRING = WitFunctionType.of(
            List.of(new WitParam("text", PrimitiveType.STRING)), PrimitiveType.STRING);

    private static GuestInstance counters(Engine engine) {
        Linker linker = new Linker();
        EnumType level = new EnumType("level", List.of("info", "warn"));
        linker.instance("log").func("emit", WitFunctionType.of(List.of(new WitParam("level", level),
                new WitParam("message", PrimitiveType.STRING))), (cx, args) -> HostCall.NO_RESULTS);
        return linker.instantiate(GuestComponent.fromResource(InterfaceFunctionNameTest.class.getClassLoader(),
                "components/counters/counters.wasm"), engine);
    }

    private static GuestInstance words(Engine engine) {
        return new Linker().instantiate(GuestComponent.fromResource(InterfaceFunctionNameTest.class.getClassLoader(),
                "components/words/words.wasm"), engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInterfaceFunctionIsFoundByItsQualifiedName(Engine engine) {
        GuestInstance guest = counters(engine);
        WitFunctionType constructor = WitFunctionType.of(List.of(new WitParam("start", PrimitiveType.U32)),
                HandleType.own(COUNTER));

        GuestFunction live = guest.function(COUNTERS + "#live", LIVE);
        GuestResource counter = (GuestResource) guest.function(COUNTERS + "#[constructor]counter", constructor)
                .call(5);

        assertEquals(COUNTERS + "#live", live.name());
        assertEquals(1, live.call());
        // the same function as exports(interface) gives, on the same instance
        assertEquals(1, guest.exports(COUNTERS).function("live", LIVE).call());
        assertEquals(5, guest.function(COUNTERS + "#[method]counter.value", WitFunctionType.of(
                List.of(new WitParam("self", HandleType.borrow(COUNTER))), PrimitiveType.U32)).call(counter));
        counter.drop();
        assertEquals(0, live.call());
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theInterfaceIsFoundOnItsTrack(Engine engine) {
        GuestInstance guest = counters(engine);

        // a host written against 0.1.3 finds the guest's 0.1.0; the function is named as the guest exports it
        GuestFunction live = guest.function("example:counters/counters@0.1.3#live", LIVE);

        assertEquals(COUNTERS + "#live", live.name());
        assertEquals(0, live.call());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMissingInterfaceFunctionOrTypeIsReportedAsExportsReportsIt(Engine engine) {
        GuestInstance guest = counters(engine);

        WitExportException otherTrack = assertThrows(WitExportException.class,
                () -> guest.function("example:counters/counters@0.2.0#live", LIVE));
        assertEquals("guest 'counters.wasm' exports no instance 'example:counters/counters@0.2.0'; it exports "
                + "example:counters/counters@0.1.0, origin", otherTrack.getMessage());
        WitExportException noFunction = assertThrows(WitExportException.class,
                () -> guest.function(COUNTERS + "#dead", LIVE));
        assertEquals("guest 'counters.wasm' exports no function 'dead' in example:counters/counters@0.1.0; it "
                + "exports [constructor]counter, [method]counter.increment, [method]counter.value, "
                + "[static]counter.merge, counter, describe, live", noFunction.getMessage());
        WitExportException wrongType = assertThrows(WitExportException.class,
                () -> guest.function(COUNTERS + "#live", WitFunctionType.of(List.of(), PrimitiveType.U64)));
        assertEquals("guest 'counters.wasm' exports 'live' in example:counters/counters@0.1.0 as func() -> u32, not "
                + "func() -> u64: the result: it is u32, the host expects u64", wrongType.getMessage());
        WitExportException notAnInterface = assertThrows(WitExportException.class,
                () -> guest.function("origin#x", LIVE));
        assertEquals("guest 'counters.wasm' exports 'origin', but it is not an instance", notAnInterface.getMessage());
        // the world-level function without an interface, as before
        WitExportException worldLevel = assertThrows(WitExportException.class, () -> guest.function("live", LIVE));
        assertEquals("guest 'counters.wasm' exports no function 'live'; it exports "
                + "example:counters/counters@0.1.0, origin", worldLevel.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stringsRecordsAndListsOfAnInterfaceWithoutResources(Engine engine) {
        GuestInstance guest = words(engine);
        String words = "example:text/words@0.1.0";
        RecordType summary = new RecordType("summary", List.of(new RecordType.Field("words", PrimitiveType.U32),
                new RecordType.Field("letters", PrimitiveType.U32),
                new RecordType.Field("longest", PrimitiveType.STRING)));
        String text = "  grüße an die   Welt\t!";

        assertEquals(5, guest.function(words + "#count", WitFunctionType.of(
                List.of(new WitParam("text", PrimitiveType.STRING)), PrimitiveType.U32)).call(text));
        assertEquals("  GRüßE AN DIE   WELT\t!", guest.function(words + "#shout", STRING_TO_STRING).call(text));
        assertEquals(Map.of("words", 5, "letters", 15, "longest", "grüße"), guest.function(words + "#stats",
                WitFunctionType.of(List.of(new WitParam("text", PrimitiveType.STRING)), summary)).call(text));
        assertEquals(List.of("grüße", "an", "die", "Welt", "!"), guest.function(words + "#split", WitFunctionType.of(
                List.of(new WitParam("text", PrimitiveType.STRING)), new ListType(PrimitiveType.STRING))).call(text));
        assertEquals("words 0.1.0", guest.function("version", WitFunctionType.of(List.of(), PrimitiveType.STRING))
                .call());
        // found on its track too; every export empties the guest's arena when the host is done, so a thousand
        // calls fit in its 64 KiB
        GuestFunction shout = guest.function("example:text/words@0.1.5#shout", STRING_TO_STRING);
        for (int i = 0; i < 1000; i++) {
            assertEquals("ABC " + i, shout.call("abc " + i));
        }
        assertFalse(guest.isPoisoned());
    }
}
