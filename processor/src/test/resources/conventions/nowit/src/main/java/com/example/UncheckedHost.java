package com.example;

import dev.witbind.annotations.WitInterface;

/** For VerificationTest: its project has no WIT, so the processor notes that it was not checked. */
@WitInterface("example:unchecked/host@1.0.0")
public final class UncheckedHost {
    public String greet(String name) {
        return "Hello, " + name;
    }
}
