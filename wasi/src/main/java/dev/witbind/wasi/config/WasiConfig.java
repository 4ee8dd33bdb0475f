package dev.witbind.wasi.config;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one guest instance sees of the host through WASI: its arguments, its environment, its preopened directories,
 * its standard streams, its clocks and its randomness. Immutable; made by {@link #builder()}. Give it (or a
 * {@link WasiView} holding it) as the instance's data to {@code Linker.instantiate}.
 *
 * <p>A guest sees only what is given: no environment variable, no directory and no input unless configured.
 * Standard input defaults to empty, and standard output and error to discarded.
 */
public final class WasiConfig implements WasiView {
    private final List<String> args;
    private final Map<String, String> env;
    private final List<Preopen> preopens;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final WallClock wallClock;
    private final MonotonicClock monotonicClock;
    private final WasiRandom random;

    private WasiConfig(Builder builder) {
        this.args = List.copyOf(builder.args);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(builder.env));
        this.preopens = List.copyOf(builder.preopens);
        this.stdin = builder.stdin;
        this.stdout = builder.stdout;
        this.stderr = builder.stderr;
        this.wallClock = builder.wallClock;
        this.monotonicClock = builder.monotonicClock;
        this.random = builder.random;
    }

    /** A builder with no arguments, no environment, no preopens, empty input and discarded output. */
    public static Builder builder() {
        return new Builder();
    }

    /** The arguments, {@code argv[0]} included. */
    public List<String> args() {
        return args;
    }

    /** The environment, in the order it was given. */
    public Map<String, String> env() {
        return env;
    }

    /** The preopened directories, in the order they were given (the guest's preopen order). */
    public List<Preopen> preopens() {
        return preopens;
    }

    public InputStream stdin() {
        return stdin;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    public WallClock wallClock() {
        return wallClock;
    }

    public MonotonicClock monotonicClock() {
        return monotonicClock;
    }

    public WasiRandom random() {
        return random;
    }

    /** A config is its own view, so it can be the instance's data directly. */
    @Override
    public WasiConfig wasi() {
        return this;
    }

    @Override
    public String toString() {
        return "WasiConfig[args=" + args + ", env=" + env.keySet() + ", preopens=" + preopens + "]";
    }

    /** Collects a {@link WasiConfig}; not thread-safe, and reusable after {@link #build()}. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private WallClock wallClock = WallClock.system();
        private MonotonicClock monotonicClock = MonotonicClock.system();
        private WasiRandom random = WasiRandom.system();

        private Builder() {}

        /** Replaces the arguments; {@code argv[0]} (the program's name) included. */
        public Builder args(List<String> args) {
            List<String> copy = List.copyOf(args);
            this.args.clear();
            this.args.addAll(copy);
            return this;
        }

        /** Appends one argument. */
        public Builder arg(String arg) {
            args.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** Sets one environment variable; a second call with the same name replaces the value. */
        public Builder env(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("an environment variable's name must be non-empty and have no '=': "
                        + name);
            }
            env.put(name, value);
            return this;
        }

        /** Sets every variable of {@code variables}, in its iteration order. */
        public Builder envs(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Lets the guest read and write {@code hostDir} as {@code guestPath}. */
        public Builder preopen(Path hostDir, String guestPath) {
            return addPreopen(hostDir, guestPath, false);
        }

        /** Lets the guest read {@code hostDir} as {@code guestPath}; every write through it is refused. */
        public Builder preopenReadOnly(Path hostDir, String guestPath) {
            return addPreopen(hostDir, guestPath, true);
        }

        private Builder addPreopen(Path hostDir, String guestPath, boolean readOnly) {
            if (!Files.isDirectory(hostDir)) {
                throw new IllegalArgumentException("a preopen must be a directory: " + hostDir);
            }
            preopens.add(new Preopen(hostDir, guestPath, readOnly));
            return this;
        }

        public Builder stdin(InputStream stdin) {
            this.stdin = Objects.requireNonNull(stdin, "stdin");
            return this;
        }

        public Builder stdout(OutputStream stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout");
            return this;
        }

        public Builder stderr(OutputStream stderr) {
            this.stderr = Objects.requireNonNull(stderr, "stderr");
            return this;
        }

        /** {@link System#in}, {@link System#out} and {@link System#err}. */
        public Builder inheritStdio() {
            return stdin(System.in).stdout(System.out).stderr(System.err);
        }

        public Builder wallClock(WallClock wallClock) {
            this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
            return this;
        }

        public Builder monotonicClock(MonotonicClock monotonicClock) {
            this.monotonicClock = Objects.requireNonNull(monotonicClock, "monotonicClock");
            return this;
        }

        public Builder random(WasiRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public WasiConfig build() {
            return new WasiConfig(this);
        }
    }
}
