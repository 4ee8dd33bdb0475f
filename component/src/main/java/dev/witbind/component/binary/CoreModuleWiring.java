package dev.witbind.component.binary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a small core module is wired around its tables: the type of every function, which of its functions only
 * forward their arguments through table 0 (a <em>trampoline</em>, as wit-component's shim module is made of), what
 * its active element segments write, what it exports and whether it has a start function. A runtime uses it to
 * prove that a call through such a table always reaches one known function (see {@link #read}).
 *
 * <p>Only a simple subset of modules is described: anything outside it makes {@link #read} answer empty, which a
 * caller must read as "nothing is known".
 *
 * @param imports how many imports the module has, of any kind
 * @param functionTypes the type of every function, imported ones first, by function index
 * @param importedFunctions how many of the functions are imported
 * @param tables every table, imported ones first, by table index
 * @param importedTables how many of the tables are imported
 * @param exports every export, by name
 * @param start the start function's index, if any
 * @param elements the element segments, in order (all active: a module with another kind is not described)
 * @param trampolines the functions that are trampolines, by function index (only defined functions can be)
 */
public record CoreModuleWiring(int imports, List<CoreFuncType> functionTypes, int importedFunctions,
        List<CoreExternDesc.Table> tables, int importedTables, Map<String, Export> exports, OptionalInt start,
        List<ActiveElements> elements, Map<Integer, Trampoline> trampolines) {

    /** Modules larger than this are not read: the modules worth describing are a few hundred bytes a function. */
    public static final int MAX_BYTES = 1 << 20;

    public CoreModuleWiring {
        functionTypes = List.copyOf(functionTypes);
        tables = List.copyOf(tables);
        exports = Map.copyOf(exports);
        elements = List.copyOf(elements);
        trampolines = Map.copyOf(trampolines);
    }

    /** One export: its kind's byte in the binary format (0 function, 1 table, 2 memory, 3 global, 4 tag), its index. */
    public record Export(int kind, int index) {
        public static final int FUNCTION = 0x00;
        public static final int TABLE = 0x01;
    }

    /**
     * An active element segment of function indices at a constant offset: it writes {@code functions} into table
     * {@code table} from {@code offset} on, when the module is instantiated.
     */
    public record ActiveElements(int table, long offset, List<Integer> functions) {
        public ActiveElements {
            functions = List.copyOf(functions);
        }
    }

    /**
     * A function whose body is exactly {@code local.get 0 .. local.get n-1; i32.const slot; call_indirect (type T)
     * (table 0); end}, where {@code T} is the function's own type and {@code n} its parameter count: calling it is
     * calling whatever table 0 holds at {@code slot}, with the same arguments and results (or the trap of a call
     * through that slot).
     *
     * @param slot the table index, non-negative
     */
    public record Trampoline(int slot) {}

    /**
     * Reads the module in {@code data[start, end)}, which must have passed the component reader's checks of its
     * sections. Bounded: at most {@link #MAX_BYTES} bytes are looked at, each once, and every count is checked
     * against the bytes left.
     *
     * @return the wiring, or empty when the module is larger than {@link #MAX_BYTES}, malformed, or uses anything
     *     this description has no room for (element segments that are passive, declarative, of expressions or at
     *     an offset that is not an {@code i32.const})
     */
    public static Optional<CoreModuleWiring> read(byte[] data, int start, int end) {
        if (end - start > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            return CoreModuleWiringReader.read(new ByteInput(data, start, end, Section.CORE_MODULE));
        } catch (ComponentFormatException e) {
            return Optional.empty(); // the engine reports a malformed module; here it is merely not described
        }
    }

    /** Whether the function at {@code index} is imported. */
    public boolean isImportedFunction(int index) {
        return index < importedFunctions;
    }

    /** Whether the module defines code: functions of its own. */
    public boolean definesFunctions() {
        return functionTypes.size() > importedFunctions;
    }
}
