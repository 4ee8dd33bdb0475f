package com.example;

import dev.witbind.annotations.WitInterface;

/** Hosts nested in a holder class; their bindings are siblings named Plugins_Clock_WitBindings. */
public final class Plugins {
    private Plugins() {}

    /** An unversioned interface: it has no compatibility track and matches only exactly. */
    @WitInterface("example:clock/time")
    public static final class Clock {
        public long now() {
            return 1_700_000_000_000L;
        }
    }
}
