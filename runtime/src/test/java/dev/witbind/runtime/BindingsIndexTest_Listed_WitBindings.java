package dev.witbind.runtime;

import dev.witbind.runtime.bindings.FunctionDefinitions;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.bindings.WitBindings;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;

/** Hand-written bindings of {@link BindingsIndexTest.Listed}, in the shape the processor generates them. */
public final class BindingsIndexTest_Listed_WitBindings implements WitBindings<BindingsIndexTest.Listed> {
    @Override
    public Class<BindingsIndexTest.Listed> implementationType() {
        return BindingsIndexTest.Listed.class;
    }

    @Override
    public InterfaceName interfaceName() {
        return InterfaceName.parse("test:index/listed@1.0.0");
    }

    @Override
    public void defineFunctions(FunctionDefinitions<BindingsIndexTest.Listed> functions) {
        functions.define("ping", WitFunctionType.of(List.of()), (cx, function, implementation) ->
                new ImportHandle(cx, function) {
                    @Override
                    protected long[] call(long[] args) {
                        return NO_RESULTS;
                    }
                });
    }
}
