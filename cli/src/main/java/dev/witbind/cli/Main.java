package dev.witbind.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.List;

/** {@code java -jar witbind.jar ...}: the {@code witbind} command (see {@link CommandLine#USAGE}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // The guest writes to the file descriptors directly: System.out is a PrintStream that locks and buffers on
        // every write, which a guest's stdout throughput (benchmarked) should not pay. Our own output, after the
        // guest's (an --invoke result, an error), goes through System.out and System.err, flushed before exit.
        RunCommand.Host host = new RunCommand.Host(System.in, new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), System.getenv());
        int status = new Witbind(System.out, System.err, host).execute(List.of(args));
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }
}
