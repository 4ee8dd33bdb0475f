package dev.witbind.samples.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The kv component (jco new around a C guest) against the generated {@link KvStore} host: host resources. */
class KvComponentTest {
    private static final WitFunctionType RUN = WitFunctionType.of(List.of(), PrimitiveType.STRING);

    private static GuestComponent kv() {
        return GuestComponent.fromResource(KvComponentTest.class.getClassLoader(), "guests/components/kv/kv.wasm");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runDrivesTheHostResource(Engine engine) {
        KvStore store = new KvStore();
        GuestInstance guest = new Linker().register(store).instantiate(kv(), engine);

        String report = (String) guest.function("run", RUN).call();

        // what the host answered: set -> ok(1), get(apple) -> "red", one entry with prefix "ch" (cherry), two
        // entries the largest of which is "dark red", read|write, the read-only bucket refused, two copied, two
        // counts, two merged
        assertEquals("set=1 get=3 entries=1 count=2 largest=8 permissions=3 read-only-set=err copied=2 counts=2 "
                + "merged=2", report);
        assertFalse(guest.isPoisoned());
        // merge closed the bucket it consumed; the guest's resource.drop of its own handles closed the other two
        assertEquals(List.of("copy", "archive", "fruit"), store.closedBuckets());
        assertEquals(List.of("example:kv/store@1.0.0"), guest.linkPlan().bindings().stream()
                .map(b -> b.instanceName()).distinct().toList());
    }
}
