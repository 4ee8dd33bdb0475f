package dev.witbind.cli;

import java.util.List;

/** {@code java -jar witbind.jar ...}: the {@code witbind} command (see {@link CommandLine#USAGE}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = new Witbind(System.out, System.err).execute(List.of(args));
        System.out.flush();
        System.exit(status);
    }
}
