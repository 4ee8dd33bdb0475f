package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
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

    record Mem(Memory memory) implements ChicoryExtern {
        @Override
        public String kind() {
            return "memory";
        }
    }

    record Table(TableInstance table) implements ChicoryExtern {
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
