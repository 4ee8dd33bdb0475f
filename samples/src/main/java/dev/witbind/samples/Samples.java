package dev.witbind.samples;

import dev.witbind.runtime.Engine;
import dev.witbind.samples.components.ComponentSample;
import dev.witbind.samples.fromwit.FromWitSample;
import dev.witbind.samples.greeter.GreeterSample;
import dev.witbind.samples.greeter.VersioningSample;
import dev.witbind.samples.greeter.WasiPluginSample;
import dev.witbind.samples.kv.KvSample;

/**
 * README command 1: the greeter sample (names, versions and tracks) with core modules, the linker's versioning
 * modes, then the greeter with components, the kv
 * sample (compound types and resources, a core module and a component) and the greeter written from WIT
 * ({@code @WitBindgen}), and a plugin that is a WASI command importing the greeter host too. The first argument picks the engine: {@code COMPILER} (the default) or
 * {@code INTERPRETER}.
 */
public final class Samples {
    private Samples() {}

    public static void main(String[] args) {
        Engine engine = args.length > 0 ? Engine.valueOf(args[0]) : Engine.COMPILER;
        GreeterSample.run(System.out, engine);
        VersioningSample.run(System.out, engine);
        ComponentSample.run(System.out, engine);
        KvSample.run(System.out, engine);
        FromWitSample.run(System.out, engine);
        WasiPluginSample.run(System.out, engine);
    }
}
