package dev.witbind.runtime;

import java.util.Optional;

/** Listed under {@link BindingsIndexTest.Impostor}'s bindings name, but binding another class. */
public final class BindingsIndexTest_Impostor_WitBindings implements WitBindings<BindingsIndexTest.Listed> {
    @Override
    public Class<BindingsIndexTest.Listed> implementationType() {
        return BindingsIndexTest.Listed.class;
    }

    @Override
    public String interfaceName() {
        return "test:index/impostor@1.0.0";
    }

    @Override
    public Optional<String> compatibilityTrack() {
        return Optional.empty();
    }

    @Override
    public void defineInto(Linker linker, BindingsIndexTest.Listed implementation) {
        throw new AssertionError("never registered");
    }
}
