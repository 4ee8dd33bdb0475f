package dev.witbind.samples.kv;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import java.io.PrintStream;
import java.util.List;

/**
 * The kv part of README command 1: a C guest drives {@link KvStore} through records, a variant, an enum, flags,
 * options, results, lists of records and the {@code bucket} resource, and reports each call; the host shows which
 * buckets it closed when the guest dropped or gave them up.
 */
public final class KvSample {
    /** {@code run: func() -> string}, the guest's one export. */
    public static final WitFunctionType RUN = WitFunctionType.of(List.of(), PrimitiveType.STRING);

    private KvSample() {}

    public static void run(PrintStream out, Engine engine) {
        KvStore store = new KvStore();
        GuestModule guest = GuestModule.fromResource(KvSample.class.getClassLoader(), "guests/kv/kv.wasm");
        GuestInstance instance = new Linker().register(store).instantiate(guest, engine);
        out.println();
        out.println("== host provides example:kv/store@1.0.0; guest " + guest.name() + " imports "
                + instance.linkPlan().bindings().stream().map(ImportBinding::guestImport)
                        .map(CoreImport::field).toList());
        String report = (String) instance.function("run", RUN).call();
        report.lines().forEach(line -> out.println("      " + line));
        out.println("  the host closed these buckets: " + store.closedBuckets());

        // The same host serves a component: jco new around another C guest of the same interface.
        KvStore componentStore = new KvStore();
        GuestComponent component = GuestComponent.fromResource(KvSample.class.getClassLoader(),
                "guests/components/kv/kv.wasm");
        GuestInstance componentInstance = new Linker().register(componentStore).instantiate(component, engine);
        out.println("  component " + component.name() + ": run() = \"" + componentInstance.function("run", RUN).call()
                + "\"");
        out.println("  the host closed these buckets: " + componentStore.closedBuckets());
    }
}
