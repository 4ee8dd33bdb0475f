package com.example;

import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;   // the WIT types: witbind-wit, which witbind-runtime brings
import java.nio.file.Path;
import java.util.List;

public final class Main {
    public static void main(String[] args) {
        // the component's export run: func(name: string) -> string
        WitFunctionType runType = WitFunctionType.of(List.of(new WitParam("name", PrimitiveType.STRING)),
                PrimitiveType.STRING);

        Linker linker = new Linker().register(new GreeterHost());
        GuestInstance guest = linker.instantiate(GuestComponent.read(Path.of("greeter-0.2.0.wasm")));
        String greeting = (String) guest.function("run", runType).call("Wörld");

        for (ImportBinding binding : guest.linkPlan().bindings()) {
            System.out.println(binding.describe());
        }
        System.out.println("run(\"Wörld\") = \"" + greeting + "\"");
    }
}
