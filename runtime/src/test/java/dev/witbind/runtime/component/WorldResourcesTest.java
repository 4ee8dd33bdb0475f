package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.LinkReport;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.LinkerInstance;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resources a component imports at the world level, which the host provides at the linker's root: the tally
 * component ({@code component/src/test/guests/tally}, C), whose resource {@code counter} and function {@code total}
 * are the world's own imports, and the shapes component ({@code guests/shapes}, WIT only), which also names an
 * interface's resource under a second name ({@code use geo.{canvas as board}}).
 */
class WorldResourcesTest {
    /** The host's counter: any owner name will do, the root provides resources by label. */
    private static final ResourceType COUNTER = new ResourceType("example:tally/tally@0.1.0", "counter");

    private final List<String> closed = new ArrayList<>();

    /** A host object behind a {@code counter} handle; the guest's last drop closes it. */
    private final class Counter implements AutoCloseable {
        final String name;
        long value;

        Counter(String name, long value) {
            this.name = name;
            this.value = value;
        }

        @Override
        public void close() {
            closed.add(name + "=" + value);
        }
    }

    private static WitParam param(String name, WitType type) {
        return new WitParam(name, type);
    }

    private static HandleType borrow() {
        return HandleType.borrow(COUNTER);
    }

    /** The world's imports, defined at the root with {@link LinkerInstance#func}. */
    private Linker tallyHost() {
        Linker linker = new Linker();
        LinkerInstance root = linker.root();
        int[] made = {0};
        root.func("[constructor]counter", WitFunctionType.of(List.of(param("start", PrimitiveType.U32)),
                HandleType.own(COUNTER)), (cx, args) -> new long[] {
                        cx.lowerOwn(COUNTER, new Counter("c" + ++made[0], args[0]))});
        root.func("[method]counter.add", WitFunctionType.of(List.of(param("self", borrow()),
                param("n", PrimitiveType.U32)), PrimitiveType.U32), (cx, args) -> {
                    Counter counter = (Counter) cx.liftBorrow(COUNTER, (int) args[0]);
                    counter.value += args[1];
                    return new long[] {counter.value};
                });
        root.func("[method]counter.name", WitFunctionType.of(List.of(param("self", borrow())),
                PrimitiveType.STRING), (cx, args) -> {
                    cx.storeString((int) args[1], ((Counter) cx.liftBorrow(COUNTER, (int) args[0])).name + "-named");
                    return HostCall.NO_RESULTS;
                });
        root.func("total", WitFunctionType.of(List.of(param("c", borrow())), PrimitiveType.U32),
                (cx, args) -> new long[] {((Counter) cx.liftBorrow(COUNTER, (int) args[0])).value * 10});
        return linker;
    }

    private static GuestComponent tally() {
        return GuestComponent.fromResource(WorldResourcesTest.class.getClassLoader(), "components/tally/tally.wasm");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theGuestMakesUsesBorrowsAndDropsAResourceTheRootProvides(Engine engine) {
        GuestInstance guest = tallyHost().instantiate(tally(), engine);

        // 5 + 0 + 1 + 2 + 3, times 10 in total; the guest's drop closed the host's counter
        Object total = guest.function("run", WitFunctionType.of(List.of(param("start", PrimitiveType.U32),
                param("steps", PrimitiveType.U32)), PrimitiveType.U32)).call(5, 4);

        assertEquals(110, total);
        assertEquals(List.of("c1=11"), closed);
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRootResourceTravelsToTheHostAndBack(Engine engine) {
        GuestInstance guest = tallyHost().instantiate(tally(), engine);

        Object kept = guest.function("keep", WitFunctionType.of(List.of(param("start", PrimitiveType.U32)),
                HandleType.own(COUNTER))).call(7);
        assertTrue(kept instanceof Counter, String.valueOf(kept));
        assertEquals(List.of(), closed); // the host owns it now: nothing closed it

        // the guest adds the length of "c1-named" (8) and drops it, which closes it
        Object sum = guest.function("consume", WitFunctionType.of(List.of(param("c", HandleType.own(COUNTER))),
                PrimitiveType.U32)).call(kept);

        assertEquals(15, sum);
        assertEquals(List.of("c1=15"), closed);
        assertFalse(guest.isPoisoned());
    }

    @Test
    void aRootWithoutTheResourceRefusesItAndEachFunctionByName() {
        Linker linker = new Linker();
        linker.root().func("[constructor]gauge", WitFunctionType.of(List.of(),
                HandleType.own(new ResourceType("example:tally/tally@0.1.0", "gauge"))), (cx, args) -> new long[] {0});

        WitLinkException refused = assertThrows(WitLinkException.class, () -> linker.instantiate(tally()));

        String noFunction = ": the linker defines no function '%s' at its root (define one with linker.root().func(...))";
        assertEquals("cannot link guest 'tally.wasm': 5 of 5 imports are unresolved\n"
                + "  - counter: the linker's root has no resource 'counter' (a world-level resource: define the "
                + "functions that take or return it with linker.root().func(...)); it has: gauge\n"
                + "  - total" + noFunction.formatted("total") + "\n"
                + "  - [constructor]counter" + noFunction.formatted("[constructor]counter") + "\n"
                + "  - [method]counter.add" + noFunction.formatted("[method]counter.add") + "\n"
                + "  - [method]counter.name" + noFunction.formatted("[method]counter.name"), refused.getMessage());
    }

    @Test
    void aRootFunctionOverAnotherResourceIsATypeMismatch() {
        Linker linker = tallyHost();
        ResourceType gauge = new ResourceType("example:tally/tally@0.1.0", "gauge");
        linker.allowShadowing(true).root().func("total", WitFunctionType.of(List.of(param("c",
                HandleType.borrow(gauge))), PrimitiveType.U32), (cx, args) -> new long[] {0});

        LinkReport report = linker.check(tally());

        assertFalse(report.links());
        assertEquals("guest 'tally.wasm': 4 of 5 imports resolve\n"
                + "  [constructor]counter -> [constructor]counter (exact)\n"
                + "  [method]counter.add -> [method]counter.add (exact)\n"
                + "  [method]counter.name -> [method]counter.name (exact)\n"
                + "cannot link guest 'tally.wasm': 1 of 5 imports are unresolved\n"
                + "  - total: type mismatch: the component imports it as func(c: borrow<counter>) -> u32, but the "
                + "linker's is func(c: borrow<gauge>) -> u32: parameter 'c': it is borrow<gauge>, the component "
                + "expects borrow<counter>", report.describe());
    }

    @Test
    void everyImportOfTallyResolvesAtTheRoot() {
        LinkReport report = tallyHost().check(tally());

        assertTrue(report.links(), report.describe());
        // the resource resolves with the functions that mention it; the explanation lists it
        assertEquals("guest 'tally.wasm': 5 of 5 imports resolve\n"
                + "  total -> total (exact)\n"
                + "  [constructor]counter -> [constructor]counter (exact)\n"
                + "  [method]counter.add -> [method]counter.add (exact)\n"
                + "  [method]counter.name -> [method]counter.name (exact)", report.describe());
        assertEquals(List.of("counter", "total", "[constructor]counter", "[method]counter.add",
                "[method]counter.name"), report.explanation().imports().stream()
                        .map(dev.witbind.runtime.ImportExplanation::importName).toList());
    }

    // ---- shapes: a world-level resource beside an interface's resource under a second name ----------------------

    private static final ResourceType CANVAS = new ResourceType("test:shapes/geo@0.1.0", "canvas");
    private static final ResourceType HANDLE = new ResourceType("test:shapes/shapes@0.1.0", "handle");
    private static final RecordType POINT = new RecordType("point", List.of(new RecordType.Field("x", PrimitiveType.S32),
            new RecordType.Field("y", PrimitiveType.S32)));
    private static final RecordType SIZE = new RecordType("size", List.of(new RecordType.Field("w", PrimitiveType.U32),
            new RecordType.Field("h", PrimitiveType.U32)));

    /**
     * The least host that links shapes: one function of each instance that names its resource (the rest are trap
     * stubs, {@code Versioning.withTrapStubs}), and the root's functions, which have no stubs.
     */
    private static Linker shapesHost() {
        Linker linker = new Linker().versioning(dev.witbind.runtime.Versioning.wasmtime().withTrapStubs(true));
        linker.instance("test:shapes/geo@0.1.0").func("clear", WitFunctionType.of(List.of(param("c",
                HandleType.borrow(CANVAS)))), (cx, args) -> HostCall.NO_RESULTS);
        VariantType value = new VariantType("value", List.of(new VariantType.Case("none", Optional.empty()),
                new VariantType.Case("text", Optional.of(PrimitiveType.STRING)),
                new VariantType.Case("number", Optional.of(PrimitiveType.F64))));
        linker.instance("env").func("put", WitFunctionType.of(List.of(param("key", PrimitiveType.STRING),
                param("v", value))), (cx, args) -> HostCall.NO_RESULTS);
        LinkerInstance root = linker.root();
        root.func("tick", WitFunctionType.of(List.of(param("n", PrimitiveType.U32)),
                new OptionType(new TupleType(List.of(PrimitiveType.U8, PrimitiveType.STRING)))),
                (cx, args) -> HostCall.NO_RESULTS);
        root.func("[constructor]handle", WitFunctionType.of(List.of(), HandleType.own(HANDLE)),
                (cx, args) -> new long[] {cx.lowerOwn(HANDLE, "a handle")});
        root.func("[method]handle.poke", WitFunctionType.of(List.of(param("self", HandleType.borrow(HANDLE)),
                param("m", new FlagsType("mode", List.of("fast", "safe")))), SIZE), (cx, args) -> HostCall.NO_RESULTS);
        return linker;
    }

    private static GuestComponent shapes() {
        return GuestComponent.fromResource(WorldResourcesTest.class.getClassLoader(), "components/shapes/shapes.wasm");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shapesInstantiatesAndItsDummyCodeTrapsAsOurs(Engine engine) {
        GuestInstance guest = shapesHost().instantiate(shapes(), engine);

        // jco embed --dummy's exports are 'unreachable'
        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.exports("geo2").function("move",
                WitFunctionType.of(List.of(param("p", POINT), param("d", new EnumType("dir", List.of("up", "down")))),
                        POINT)).call(java.util.Map.of("x", 1, "y", 2), "up"));
        assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
        assertTrue(guest.isPoisoned());

        // measure borrows geo's canvas, which the world calls board: the host passes its own canvas object
        GuestInstance second = shapesHost().instantiate(shapes(), engine);
        WitTrapException measured = assertThrows(WitTrapException.class, () -> second.function("measure",
                WitFunctionType.of(List.of(param("p", POINT), param("b", HandleType.borrow(CANVAS))), SIZE))
                .call(java.util.Map.of("x", 1, "y", 2), "a canvas"));
        assertTrue(measured.getMessage().contains("unreachable"), measured.getMessage());
    }

    @Test
    void shapesLinksItsWorldResourceAtTheRootAndBoardThroughGeo() {
        LinkReport report = shapesHost().check(shapes());

        assertTrue(report.links(), report.describe());
        // 'board' (use geo.{canvas as board}) is geo's canvas: not an import of its own to provide
        assertEquals(List.of("test:shapes/geo@0.1.0#canvas", "test:shapes/geo@0.1.0#[constructor]canvas",
                "test:shapes/geo@0.1.0#[method]canvas.draw", "test:shapes/geo@0.1.0#[static]canvas.open",
                "test:shapes/geo@0.1.0#area", "test:shapes/geo@0.1.0#clear", "env#get", "env#put", "handle", "tick",
                "[constructor]handle", "[method]handle.poke"), report.explanation().imports().stream()
                        .map(dev.witbind.runtime.ImportExplanation::importName).toList());
    }
}
