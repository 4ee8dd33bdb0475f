package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import dev.witbind.runtime.engine.CoreExtern;

/** What a Chicory instance exports, as another instance imports it: the engine's own object, by identity. */
sealed interface ChicoryExtern extends CoreExtern {

    /** An exported function: the instance and the export's name, which Chicory imports as its own function. */
    record Function(Instance instance, String name) implements ChicoryExtern {
        @Override
        public String kind() {
            return "func";
        }
    }

    /** An exported memory: the memory itself, however the exporting instance came by it. */
    record Mem(LinearMemory memory) implements ChicoryExtern {
        @Override
        public String kind() {
            return "memory";
        }
    }

    /**
     * An exported table, with the instance that exports it and that instance's module (which numbers the types of
     * its functions).
     */
    record Table(TableInstance table, Instance owner, ChicoryModule ownerModule) implements ChicoryExtern {
        @Override
        public String kind() {
            return "table";
        }
    }

    record Global(GlobalInstance global) implements ChicoryExtern {
        @Override
        public String kind() {
            return "global";
        }
    }
}
