package com.example;

import dev.witbind.annotations.WitInterface;

/** For VerificationTest: verified against ../../../wit/greeter.wit by the default convention. */
@WitInterface("example:convention/host@1.0.0")
public final class ConventionHost {
    public String greet(String name) {
        return "Hello, " + name;
    }
}
