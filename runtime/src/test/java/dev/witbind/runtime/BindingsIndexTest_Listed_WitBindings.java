package dev.witbind.runtime;

import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Optional;

/** Hand-written bindings of {@link BindingsIndexTest.Listed}, in the shape the processor generates them. */
public final class BindingsIndexTest_Listed_WitBindings implements WitBindings<BindingsIndexTest.Listed> {
    @Override
    public Class<BindingsIndexTest.Listed> implementationType() {
        return BindingsIndexTest.Listed.class;
    }

    @Override
    public String interfaceName() {
        return "test:index/listed@1.0.0";
    }

    @Override
    public Optional<String> compatibilityTrack() {
        return Optional.of("test:index/listed@1");
    }

    @Override
    public void defineInto(Linker linker, BindingsIndexTest.Listed implementation) {
        linker.instance(interfaceName()).func("ping", WitFunctionType.of(List.of()), (cx, args) -> HostCall.NO_RESULTS);
    }
}
