package com.example;

import dev.witbind.annotations.WitInterface;

/** For VerificationTest: verified against ../../../../../wit/greeter.wit by the wit/ convention. */
@WitInterface("example:rootwit/host@1.0.0")
public final class RootWitHost {
    public String greet(String name) {
        return "Hello, " + name;
    }
}
