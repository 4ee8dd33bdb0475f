package com.example;

import dev.witbind.annotations.WitInterface;

/** For VerificationTest: its interface is not in the WIT that the default convention finds. */
@WitInterface("example:stray/host@1.0.0")
public final class StrayHost {
    public String greet(String name) {
        return "Hello, " + name;
    }
}
