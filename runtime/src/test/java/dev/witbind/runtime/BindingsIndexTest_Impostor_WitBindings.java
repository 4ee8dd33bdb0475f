package dev.witbind.runtime;

import dev.witbind.runtime.bindings.FunctionDefinitions;
import dev.witbind.runtime.bindings.WitBindings;
import dev.witbind.wit.names.InterfaceName;

/** Listed under {@link BindingsIndexTest.Impostor}'s bindings name, but binding another class. */
public final class BindingsIndexTest_Impostor_WitBindings implements WitBindings<BindingsIndexTest.Listed> {
    @Override
    public Class<BindingsIndexTest.Listed> implementationType() {
        return BindingsIndexTest.Listed.class;
    }

    @Override
    public InterfaceName interfaceName() {
        return InterfaceName.parse("test:index/impostor@1.0.0");
    }

    @Override
    public void defineFunctions(FunctionDefinitions<BindingsIndexTest.Listed> functions) {
        throw new AssertionError("never registered");
    }
}
