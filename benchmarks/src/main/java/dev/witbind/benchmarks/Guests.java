package dev.witbind.benchmarks;

import dev.witbind.component.Component;
import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.Definition;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestFunction;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed guest binaries (src/main/guests) and the WIT types of the bench guest's exports. The bench guest comes
 * as a core module ({@code bench.wasm}) and as the component jco makes of it ({@code bench.component.wasm}), whose
 * main core module is that same code: its exports are called the same way.
 */
final class Guests {
    /** {@code call-u32: func(n: u32, x: u32) -> u32} and the other call exports have the same shape. */
    static final WitFunctionType CALL = WitFunctionType.of(
            List.of(new WitParam("a", PrimitiveType.U32), new WitParam("b", PrimitiveType.U32)), PrimitiveType.U32);
    static final WitFunctionType FILL = WitFunctionType.of(List.of(new WitParam("kind", PrimitiveType.U32)));

    /** {@code fill} kinds: the text the guest passes to echo-string and echo-bytes. */
    static final int ASCII = 0;
    static final int UTF8 = 1;

    private Guests() {}

    static byte[] bytes(String name) {
        try (InputStream in = Guests.class.getResourceAsStream("/guests/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no guest " + name + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GuestModule module(String name) {
        return GuestModule.parse(name, bytes(name));
    }

    static GuestComponent component(String name) {
        return GuestComponent.parse(name, bytes(name));
    }

    /**
     * The bytes of every core module a component embeds, in binary order (nested components included), copied out:
     * what a host without witbind would hand to Chicory's parser.
     */
    static List<byte[]> coreModules(byte[] component) {
        Component read = Component.read(component);
        List<byte[]> modules = new ArrayList<>();
        collect(read, read.binary(), modules);
        return modules;
    }

    private static void collect(Component component, ComponentBinary binary, List<byte[]> modules) {
        for (Definition definition : binary.definitions()) {
            if (definition instanceof Definition.CoreModule module) {
                ByteBuffer view = component.coreModuleBytes(module);
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                modules.add(bytes);
            } else if (definition instanceof Definition.Component nested) {
                collect(component, nested.component(), modules);
            }
        }
    }

    /** The three call exports of a witbind instance of the bench guest. */
    record Calls(GuestFunction u32, GuestFunction string, GuestFunction bytes) {
        static Calls of(GuestInstance instance, int textKind) {
            instance.function("fill", FILL).call(textKind);
            return new Calls(instance.function("call-u32", CALL), instance.function("call-string", CALL),
                    instance.function("call-bytes", CALL));
        }
    }
}
