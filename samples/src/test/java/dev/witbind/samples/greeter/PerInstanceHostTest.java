package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Instantiation;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.samples.kv.KvStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Per-instance host state through the generated bindings: a host registered as a factory gets one object per guest
 * instance, made while that instance is instantiated, and each instance's calls reach only its own object; a host
 * registered as an object is shared by all. (The kv sample's resources per instance: {@code KvGuestTest}.)
 */
class PerInstanceHostTest {
    private static final GuestModule GREETER = GreeterGuests.load("greeter-0.2.1.wasm");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFactoryMakesOneHostPerInstanceAndEachInstanceCallsOnlyItsOwn(Engine engine) {
        List<GreeterHost> made = new ArrayList<>();
        Linker linker = new Linker().register(GreeterHost.class, instantiation -> {
            GreeterHost host = new GreeterHost();
            made.add(host);
            return host;
        });

        GuestInstance first = linker.instantiate(GREETER, engine);
        GuestInstance second = linker.instantiate(GREETER, engine);
        // the guest imports five functions of the interface; the factory ran once per instance, not per import
        assertEquals(2, made.size());

        GreeterGuests.run(first, "one");
        GreeterGuests.run(second, "two");
        GreeterGuests.run(second, "three");

        assertEquals(List.of("greeter 0.2.1 guest: run(one)"), made.get(0).messages());
        assertEquals(List.of("greeter 0.2.1 guest: run(two)", "greeter 0.2.1 guest: run(three)"),
                made.get(1).messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anObjectRegisteredOnceIsSharedByEveryInstance(Engine engine) {
        GreeterHost host = new GreeterHost();
        Linker linker = new Linker().register(host);

        GreeterGuests.run(linker.instantiate(GREETER, engine), "one");
        GreeterGuests.run(linker.instantiate(GREETER, engine), "two");

        assertEquals(List.of("greeter 0.2.1 guest: run(one)", "greeter 0.2.1 guest: run(two)"), host.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theFactoryIsToldWhichGuestAndTheDataOfItsInstantiation(Engine engine) {
        List<String> seen = new ArrayList<>();
        Linker linker = new Linker().register(GreeterHost.class, instantiation -> {
            seen.add(instantiation.guestName() + " for " + instantiation.data(String.class));
            return new GreeterHost();
        });

        linker.instantiate(GREETER, engine, "tenant-7");
        linker.instantiate(GREETER, engine, "tenant-8");

        assertEquals(List.of("greeter-0.2.1.wasm for tenant-7", "greeter-0.2.1.wasm for tenant-8"), seen);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFactoryRunsOnlyForGuestsThatImportItsInterface(Engine engine) {
        List<Instantiation> kvFactoryCalls = new ArrayList<>();
        Linker linker = new Linker()
                .register(GreeterHost.class, instantiation -> new GreeterHost())
                .register(KvStore.class, instantiation -> {
                    kvFactoryCalls.add(instantiation);
                    return new KvStore();
                });

        linker.instantiate(GREETER, engine);

        assertTrue(kvFactoryCalls.isEmpty(), kvFactoryCalls::toString);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFactoryThatThrowsFailsTheInstantiationNamingTheInterface(Engine engine) {
        IllegalStateException cause = new IllegalStateException("no quota left");
        Linker linker = new Linker().register(GreeterHost.class, instantiation -> {
            throw cause;
        });

        WitHostException thrown = assertThrows(WitHostException.class, () -> linker.instantiate(GREETER, engine));

        assertEquals("the host factory of example:greeter/host@0.2.1 threw java.lang.IllegalStateException: no quota "
                + "left while guest 'greeter-0.2.1.wasm' was instantiated", thrown.getMessage());
        assertEquals("example:greeter/host@0.2.1", thrown.function());
        assertSame(cause, thrown.getCause());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFactoryThatReturnsNullOrAsksForDataItWasNotGivenFailsTheInstantiation(Engine engine) {
        Linker nulls = new Linker().register(GreeterHost.class, instantiation -> null);
        WitHostException returnedNull = assertThrows(WitHostException.class, () -> nulls.instantiate(GREETER, engine));
        assertTrue(returnedNull.getMessage().contains("the factory returned null"), returnedNull.getMessage());

        Linker wantsData = new Linker().register(GreeterHost.class, instantiation -> {
            instantiation.data(Integer.class);
            return new GreeterHost();
        });
        WitHostException wrongData = assertThrows(WitHostException.class,
                () -> wantsData.instantiate(GREETER, engine, "not an integer"));
        assertTrue(wrongData.getMessage().contains("guest 'greeter-0.2.1.wasm' was instantiated with data of "
                + "java.lang.String, not a java.lang.Integer: pass it to Linker.instantiate(guest, engine, data)"),
                wrongData.getMessage());
        WitHostException noData = assertThrows(WitHostException.class, () -> wantsData.instantiate(GREETER, engine));
        assertTrue(noData.getMessage().contains("was instantiated with no data, not a java.lang.Integer"),
                noData.getMessage());
        // the linker still instantiates once its factory succeeds
        GuestInstance guest = wantsData.instantiate(GREETER, engine, 7);
        assertFalse(guest.isPoisoned());
    }
}
