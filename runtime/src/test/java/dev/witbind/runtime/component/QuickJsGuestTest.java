package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JavaScript guest made by {@code jco componentize --backend qjs} ({@code component/src/test/guests/quickjs}):
 * a composition (an inner component defines WASI's resources and lifts its functions as stubs; the QuickJS engine's
 * component, itself two components, lowers them) whose QuickJS modules share one table but number their function
 * types differently, Chicory's pitfall 2, which the engine adapter's IndirectCallTypes works around.
 */
class QuickJsGuestTest {
    private final List<String> calls = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theJavaScriptCallsTheHostAndReturnsItsAnswer(Engine engine) {
        Linker linker = new Linker();
        linker.instance("acme:shop/pricing@1.0.0")
                .func("tax-rate", WitFunctionType.of(List.of(new WitParam("region", PrimitiveType.STRING)),
                        PrimitiveType.F64), (cx, args) -> {
                            String region = cx.liftString((int) args[0], (int) args[1]);
                            calls.add("tax-rate(" + region + ")");
                            return new long[] {Double.doubleToRawLongBits(region.equals("eu") ? 0.2 : 0.05)};
                        })
                .func("log", WitFunctionType.of(List.of(new WitParam("message", PrimitiveType.STRING))),
                        (cx, args) -> {
                            calls.add("log(" + cx.liftString((int) args[0], (int) args[1]) + ")");
                            return HostCall.NO_RESULTS;
                        });
        GuestInstance guest = linker.instantiate(GuestComponent.fromResource(getClass().getClassLoader(),
                "components/quickjs/checkout.wasm"), engine);
        WitFunctionType total = WitFunctionType.of(List.of(new WitParam("amount", PrimitiveType.F64),
                new WitParam("region", PrimitiveType.STRING)), PrimitiveType.STRING);

        assertEquals("eu: 120.00", guest.function("total", total).call(100.0, "eu"));
        assertEquals("us: 42.00", guest.function("total", total).call(40.0, "us"));

        assertEquals(List.of("tax-rate(eu)", "log(pricing 100 in eu at 0.2)", "tax-rate(us)",
                "log(pricing 40 in us at 0.05)"), calls);
        assertFalse(guest.isPoisoned());
    }
}
