package dev.witbind.runtime;

import dev.witbind.component.Component;
import dev.witbind.component.binary.CoreExternType;
import dev.witbind.component.binary.CoreFuncType;
import dev.witbind.component.binary.CoreModuleInfo;
import dev.witbind.component.binary.CoreModuleWiring;
import dev.witbind.component.binary.Definition;
import dev.witbind.runtime.CoreSources.FromInstance;
import dev.witbind.runtime.CoreSources.HostMade;
import dev.witbind.runtime.CoreSources.Made;
import dev.witbind.runtime.CoreSources.ResolvedImport;
import dev.witbind.runtime.CoreSources.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which core imports of a component may call a lowered host function directly rather than through
 * wit-component's shim: a plan made once per component from its definitions and the bytes of its small core
 * modules, engine-free.
 *
 * <p>{@code jco new} instantiates the program before the host functions that need its memory exist, so the program
 * imports, for each of them, a <em>trampoline</em> of the shim core instance, which calls through the shim's table;
 * the fixup core instance, made once the functions are lowered, writes them into that table. On Chicory each such
 * call pays a call across instances and a {@code call_indirect}. Where it is provable that the slot a trampoline
 * calls through can only ever hold one lowered function, from the moment the fixup is made on, the import is bound
 * to a {@link dev.witbind.runtime.engine.LateBoundImport} instead, which the instantiator points at that function
 * just before the fixup is made; a call before that traps, as the empty table slot would have.
 *
 * <p>What the proof needs, checked here; anything else leaves the import as the component wires it:
 * <ul>
 *   <li>the shim's module imports nothing, has no start function and no element segments, and every function it
 *       defines is a trampoline on its own table 0 (so nothing in it writes the table, and each export calls
 *       exactly the slot it names);
 *   <li>exactly one core instantiation in the whole component imports that table: the fixup, whose module defines
 *       no functions (no code that could write the table), whose start function, if any, is imported, whose only
 *       table is that one, and whose element segments are all active at constant offsets that fit the table (so
 *       making it cannot trap halfway);
 *   <li>the function the fixup writes into the slot is one of its imports that the component makes by
 *       {@code canon lower} or a resource built-in, imported with the trampoline's type (so the shim's
 *       {@code call_indirect} type check would pass).
 * </ul>
 * Module and instance names are never looked at. Nested components are left alone: their core instances are
 * evaluated in scopes of their own.
 */
final class ShimBypass {
    /** The plan of a component in which nothing is bypassed. */
    static final ShimBypass NONE = new ShimBypass(Map.of(), Map.of());

    /** A slot of the table of one shim core instance. */
    record Slot(Definition.CoreInstantiate shim, int index) {}

    /** A core import of one instantiation, by module and field. */
    record ImportName(String module, String field) {}

    /**
     * An import bound around the shim.
     *
     * @param slot the shim table's slot its trampoline calls through
     * @param unboundReason what a call before the slot is filled traps with
     */
    record Bypass(Slot slot, String unboundReason) {}

    private final Map<Definition.CoreInstantiate, Map<ImportName, Bypass>> bypasses;
    private final Map<Definition.CoreInstantiate, Map<ImportName, List<Slot>>> fills;

    private ShimBypass(Map<Definition.CoreInstantiate, Map<ImportName, Bypass>> bypasses,
            Map<Definition.CoreInstantiate, Map<ImportName, List<Slot>>> fills) {
        this.bypasses = bypasses;
        this.fills = fills;
    }

    /** The import {@code module#field} of {@code importer} bound around the shim, or {@code null}. */
    Bypass bypass(Definition.CoreInstantiate importer, String module, String field) {
        Map<ImportName, Bypass> ofImporter = bypasses.get(importer);
        return ofImporter == null ? null : ofImporter.get(new ImportName(module, field));
    }

    /** The shim slots each import of {@code fixup} fills; empty for an instantiation that fills none. */
    Map<ImportName, List<Slot>> fills(Definition.CoreInstantiate fixup) {
        return fills.getOrDefault(fixup, Map.of());
    }

    /** How many core imports in the component are bound around the shim. */
    int bypassedImports() {
        return bypasses.values().stream().mapToInt(Map::size).sum();
    }

    /** Whether {@code module#field} of any core instantiation is bound around the shim (for tests and diagnosis). */
    boolean bypasses(String module, String field) {
        return bypasses.values().stream().anyMatch(imports -> imports.containsKey(new ImportName(module, field)));
    }

    // ---- the analysis -----------------------------------------------------------------------------------------

    /** The plan for the top-level definitions of {@code component}, whose core items come from {@code sources}. */
    static ShimBypass analyse(String guestName, Component component, Optional<CoreSources> sources) {
        if (sources.isEmpty()) {
            return NONE;
        }
        List<Made> made = sources.get().made();
        Map<Definition.CoreModule, Optional<CoreModuleWiring>> wirings = new HashMap<>();
        Map<Definition.CoreInstantiate, Map<ImportName, Bypass>> bypasses = new LinkedHashMap<>();
        Map<Definition.CoreInstantiate, Map<ImportName, List<Slot>>> fills = new LinkedHashMap<>();
        for (Made shim : made) {
            if (!shim.imports().isEmpty()) {
                continue; // not a shim, and not worth reading: a program's module can be megabytes
            }
            Optional<CoreModuleWiring> wiring = wirings.computeIfAbsent(shim.module(), component::coreModuleWiring);
            if (wiring.isPresent() && isShim(wiring.get())) {
                planShim(guestName, shim, wiring.get(), made, wirings, component, bypasses, fills);
            }
        }
        if (bypasses.isEmpty()) {
            return NONE;
        }
        fills.values().forEach(ofFixup -> ofFixup.replaceAll((name, slots) -> List.copyOf(slots)));
        return new ShimBypass(copy(bypasses), copy(fills));
    }

    /** A module made of trampolines on a table of its own, which nothing of its own can write or call at start. */
    private static boolean isShim(CoreModuleWiring wiring) {
        return wiring.imports() == 0 && wiring.start().isEmpty() && wiring.elements().isEmpty()
                && !wiring.tables().isEmpty() && wiring.definesFunctions()
                && wiring.trampolines().size() == wiring.functionTypes().size() - wiring.importedFunctions();
    }

    private static void planShim(String guestName, Made shim, CoreModuleWiring wiring, List<Made> made,
            Map<Definition.CoreModule, Optional<CoreModuleWiring>> wirings, Component component,
            Map<Definition.CoreInstantiate, Map<ImportName, Bypass>> bypasses,
            Map<Definition.CoreInstantiate, Map<ImportName, List<Slot>>> fills) {
        // Every instantiation that receives the shim's table: the plan needs exactly one, receiving it once.
        Made fixup = null;
        int tableImports = 0;
        for (Made instance : made) {
            for (ResolvedImport resolved : instance.imports()) {
                if (isShimTable(resolved.source(), shim, wiring)) {
                    tableImports++;
                    fixup = instance;
                }
            }
        }
        if (tableImports != 1) {
            return;
        }
        Optional<CoreModuleWiring> fixupWiring = wirings.computeIfAbsent(fixup.module(), component::coreModuleWiring);
        long tableSize = wiring.tables().get(0).limits().min();
        Map<Integer, Integer> slotFunctions = fixupWiring.isPresent() ? slotFunctions(fixupWiring.get(), tableSize)
                : null;
        if (slotFunctions == null) {
            return;
        }
        List<ResolvedImport> fixupFunctions = fixup.imports().stream()
                .filter(resolved -> resolved.coreImport().type() instanceof CoreExternType.Func).toList();
        Map<Integer, ResolvedImport> lowered = new HashMap<>(); // slot -> the fixup's import written there
        slotFunctions.forEach((slot, function) -> {
            ResolvedImport resolved = fixupFunctions.get(function);
            if (resolved.source() instanceof HostMade) {
                lowered.put(slot, resolved);
            }
        });
        for (Made importer : made) {
            for (ResolvedImport resolved : importer.imports()) {
                if (!(resolved.source() instanceof FromInstance from) || from.instance() != shim.index()) {
                    continue;
                }
                CoreModuleWiring.Export export = wiring.exports().get(from.name());
                if (export == null || export.kind() != CoreModuleWiring.Export.FUNCTION
                        || export.index() >= wiring.functionTypes().size()) {
                    continue;
                }
                CoreModuleWiring.Trampoline trampoline = wiring.trampolines().get(export.index());
                ResolvedImport filler = trampoline == null ? null : lowered.get(trampoline.slot());
                CoreFuncType trampolineType = wiring.functionTypes().get(export.index());
                if (filler == null || !((CoreExternType.Func) filler.coreImport().type()).type().equals(trampolineType)) {
                    continue; // an empty slot, one filled otherwise, or one whose call_indirect would trap
                }
                Slot slot = new Slot(shim.definition(), trampoline.slot());
                CoreModuleInfo.Import coreImport = resolved.coreImport();
                bypasses.computeIfAbsent(importer.definition(), k -> new LinkedHashMap<>()).put(
                        new ImportName(coreImport.module(), coreImport.name()), new Bypass(slot,
                                unboundReason(guestName, shim, fixup, trampoline.slot())));
                CoreModuleInfo.Import fillerImport = filler.coreImport();
                List<Slot> filled = fills.computeIfAbsent(fixup.definition(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(new ImportName(fillerImport.module(), fillerImport.name()),
                                k -> new ArrayList<>());
                if (!filled.contains(slot)) {
                    filled.add(slot);
                }
            }
        }
    }

    private static boolean isShimTable(Source source, Made shim, CoreModuleWiring wiring) {
        if (!(source instanceof FromInstance from) || from.instance() != shim.index()) {
            return false;
        }
        CoreModuleWiring.Export export = wiring.exports().get(from.name());
        return export != null && export.kind() == CoreModuleWiring.Export.TABLE && export.index() == 0;
    }

    /**
     * What the fixup's element segments leave in the shim's table, slot by slot, as indices of the fixup's
     * (imported) functions; {@code null} unless the fixup is one that can do nothing else to the table: no
     * functions of its own, a start function only if imported, the shim's table its only one, and segments that
     * fit it (so that they are all written, or the component's instantiation fails).
     */
    private static Map<Integer, Integer> slotFunctions(CoreModuleWiring fixup, long tableSize) {
        if (fixup.definesFunctions() || fixup.tables().size() != 1 || fixup.importedTables() != 1
                || (fixup.start().isPresent() && !fixup.isImportedFunction(fixup.start().getAsInt()))) {
            return null;
        }
        Map<Integer, Integer> slots = new HashMap<>();
        for (CoreModuleWiring.ActiveElements segment : fixup.elements()) {
            long segmentEnd = segment.offset() + segment.functions().size();
            if (segment.table() != 0 || segmentEnd > tableSize || segmentEnd > Integer.MAX_VALUE) {
                return null;
            }
            for (int i = 0; i < segment.functions().size(); i++) {
                int function = segment.functions().get(i);
                if (!fixup.isImportedFunction(function)) {
                    return null;
                }
                slots.put((int) segment.offset() + i, function); // a later segment overwrites, as instantiation does
            }
        }
        return slots;
    }

    private static String unboundReason(String guestName, Made shim, Made fixup, int slot) {
        return "uninitialized table element: guest '" + guestName + "' called it through slot " + slot + " of the "
                + "table of core instance " + shim.index() + " before core instance " + fixup.index() + " filled "
                + "that slot (wit-component's shim and fixup)";
    }

    private static <K, V> Map<Definition.CoreInstantiate, Map<K, V>> copy(
            Map<Definition.CoreInstantiate, Map<K, V>> plan) {
        Map<Definition.CoreInstantiate, Map<K, V>> copy = new HashMap<>();
        plan.forEach((key, value) -> copy.put(key, Map.copyOf(value)));
        return Map.copyOf(copy);
    }
}
