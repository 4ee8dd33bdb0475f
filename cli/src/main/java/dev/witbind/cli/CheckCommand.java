package dev.witbind.cli;

import dev.witbind.runtime.Linker;
import dev.witbind.runtime.LinkReport;
import dev.witbind.wasi.Wasi;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code witbind check}: how each import of a guest resolves against the built-in WASI host (exactly, through a
 * compatibility track, or why not), without instantiating it; the linker's own report, so that what check says is
 * what run does.
 */
final class CheckCommand {
    private CheckCommand() {}

    /** Prints the report; 0 when every import resolves, 1 otherwise. */
    static int execute(Path wasm, PrintStream out) throws Witbind.GuestFileException {
        Witbind.Guest guest = Witbind.Guest.read(wasm);
        Linker linker = Wasi.register(new Linker());
        LinkReport report = guest.component() != null ? linker.check(guest.component()) : linker.check(guest.module());
        out.println(report.describe());
        return report.links() ? 0 : Witbind.FAILED;
    }
}
