package dev.witbind.samples.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kv sample guest ({@code src/main/guests/kv/kv.c}) against {@link KvStore}: records, a variant, an enum, flags,
 * options, results, lists of records, lists of borrows and the {@code bucket} resource, through the generated
 * bindings, on both engines. The expected text is the one in the guest's README.
 */
class KvGuestTest {
    private static final WitFunctionType RUN = WitFunctionType.of(List.of(), PrimitiveType.STRING);

    static final String EXPECTED = """
            bucket("fruit", read|write) -> ok
            fruit.set("apple", "red") -> ok(1)
            fruit.set("banana", "yellow") -> ok(2)
            fruit.set("cherry", "dark red") -> ok(3)
            fruit.get("apple") -> ok(some("red"))
            fruit.get("durian") -> ok(none)
            fruit.entries(all) -> [apple="red" v1, banana="yellow" v2, cherry="dark red" v3]
            fruit.entries(prefix("b")) -> [banana="yellow" v2]
            fruit.entries(newer-than(1)) -> [banana="yellow" v2, cherry="dark red" v3]
            fruit.entries(keys(["cherry", "apple"])) -> [cherry="dark red" v3, apple="red" v1]
            fruit.stats() -> name="fruit" count=3 total-bytes=17 largest=cherry permissions=read|write
            bucket.open-read-only("archive") -> ok
            archive.set("x", "y") -> err(read-only)
            bucket("copy", read|write|admin) -> ok
            copy-all(fruit, copy) -> ok(3)
            count-all([fruit, copy, archive]) -> [3, 3, 0]
            merge(copy, fruit) -> 3
            drop archive
            drop copy
            """;

    private static GuestModule kvGuest() {
        return GuestModule.fromResource(KvGuestTest.class.getClassLoader(), "guests/kv/kv.wasm");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runReportsEveryCallAsTheReadmeSays(Engine engine) {
        KvStore store = new KvStore();
        GuestInstance guest = new Linker().register(store).instantiate(kvGuest(), engine);

        String report = (String) guest.function("run", RUN).call();

        assertEquals(EXPECTED, report);
        assertEquals(843, report.length());
        // merge closed the bucket it consumed; the guest's drops closed the two it owned.
        assertEquals(List.of("fruit", "archive", "copy"), store.closedBuckets());
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runningTwiceOnOneInstanceGivesTheSameReport(Engine engine) {
        KvStore store = new KvStore();
        GuestInstance guest = new Linker().register(store).instantiate(kvGuest(), engine);

        guest.function("run", RUN).call();
        String second = (String) guest.function("run", RUN).call();

        assertEquals(EXPECTED, second);
        assertEquals(List.of("fruit", "archive", "copy", "fruit", "archive", "copy"), store.closedBuckets());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStoreMadePerInstanceKeepsEachInstancesBucketsApart(Engine engine) {
        List<KvStore> stores = new ArrayList<>();
        Linker linker = new Linker().register(KvStore.class, instantiation -> {
            KvStore store = new KvStore();
            stores.add(store);
            return store;
        });
        GuestInstance first = linker.instantiate(kvGuest(), engine);
        GuestInstance second = linker.instantiate(kvGuest(), engine);

        first.function("run", RUN).call();
        first.function("run", RUN).call();
        String report = (String) second.function("run", RUN).call();

        assertEquals(EXPECTED, report);
        assertEquals(2, stores.size());
        assertEquals(List.of("fruit", "archive", "copy", "fruit", "archive", "copy"), stores.get(0).closedBuckets());
        assertEquals(List.of("fruit", "archive", "copy"), stores.get(1).closedBuckets());
    }
}
