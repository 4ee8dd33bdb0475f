package dev.witbind.runtime.engine.chicory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.engine.CoreModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * {@link CoreModule#mayCallOut} on the hand-written modules of {@code src/test/guests/leave}: "cannot call out" is
 * claimed only for a function whose whole direct call graph is the module's own, with no call through a table.
 */
class OutwardCallsTest {
    private static CoreModule module(String name) {
        try (InputStream in = OutwardCallsTest.class.getClassLoader()
                .getResourceAsStream("guests/leave/" + name + ".wasm")) {
            return ChicoryEngine.INSTANCE.parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFunctionCallingOnlyItsModulesFunctionsStaysInside() {
        // calls two functions of its own, one of them recursive through return_call
        assertFalse(module("realloc-contained").mayCallOut("cabi_realloc"));
        assertFalse(module("post-return-calls-helper").mayCallOut("cabi_realloc"));
    }

    @Test
    void aFunctionCallingAnImportMayCallOut() {
        assertTrue(module("realloc-contained").mayCallOut("run"));
    }

    @Test
    void aFunctionReachingAnImportThroughItsOwnFunctionsMayCallOut() {
        assertTrue(module("realloc-calls-helper").mayCallOut("cabi_realloc"));
        assertTrue(module("post-return-calls-helper").mayCallOut("cabi_post_run"));
    }

    @Test
    void aCallThroughATableMayCallOut() {
        assertTrue(module("realloc-calls-table").mayCallOut("cabi_realloc"));
    }

    @Test
    void anExportedImportAndANameThatIsNoFunctionExportMayCallOut() {
        CoreModule module = module("realloc-contained");
        assertTrue(module.mayCallOut("ping-again"));
        assertTrue(module.mayCallOut("memory"));
        assertTrue(module.mayCallOut("no-such-export"));
    }
}
