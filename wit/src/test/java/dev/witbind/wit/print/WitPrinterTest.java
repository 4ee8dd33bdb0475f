package dev.witbind.wit.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.parser.JcoWit;
import dev.witbind.wit.parser.NeedsWasiWit;
import dev.witbind.wit.parser.WitOptions;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.tool.WitCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code wit print}: resolved WIT printed back, normalised, and stable when printed again. */
class WitPrinterTest {

    @Test
    void printsWhatWasUnderstoodNormalised() {
        ResolvedWit wit = WitPackages.parse("test.wit", """
                /// The demo.
                package local:demo@1.0.0;

                use dep:io/streams@0.1.0 as io;

                interface types {
                  /// A point.
                  record point { x: s32, y: s32 }
                  type instant = u64;
                  enum color { red, %stream }
                  flags none {}
                  variant shape { dot, line(tuple<point, point>) }
                  resource file {
                    constructor(path: string);
                    /// Reads.
                    read: func(n: u32) -> result<list<u8>, string>;
                    open: static func(path: string) -> result<file, string>;
                    wait: async func();
                  }
                  @since(version = 1.0.0)
                  now: func() -> instant;
                  @unstable(feature = gone)
                  hidden: func();
                }

                interface api {
                  use types.{point as p, file};
                  use io.{output-stream};
                  move: func(%from: borrow<file>, to: p) -> option<output-stream>;
                  data: func() -> tuple<stream<u8>, future, list<u8, 4>, map<string, u32>>;
                }

                world w {
                  import api;
                  record local { a: u8 }
                  resource session { user: func() -> string; }
                  import log: func(l: local);
                  export run: func() -> result<_, string>;
                  export inline: interface { ping: func(); }
                }

                package dep:io@0.1.0 {
                  interface streams { resource output-stream; }
                }
                """);
        assertEquals("""
                /// The demo.
                package local:demo@1.0.0;

                interface types {
                  /// A point.
                  record point {
                    x: s32,
                    y: s32,
                  }
                  type instant = u64;
                  enum color {
                    red,
                    %stream,
                  }
                  flags none {}
                  variant shape {
                    dot,
                    line(tuple<point, point>),
                  }
                  resource file {
                    constructor(path: string);
                    /// Reads.
                    read: func(n: u32) -> result<list<u8>, string>;
                    open: static func(path: string) -> result<file, string>;
                    wait: async func();
                  }
                  @since(version = 1.0.0)
                  now: func() -> u64;
                }

                interface api {
                  use types.{point as p, file};
                  use dep:io/streams@0.1.0.{output-stream};
                  move: func(%from: borrow<file>, to: p) -> option<output-stream>;
                  data: func() -> tuple<stream<u8>, future, list<u8, 4>, map<string, u32>>;
                }

                world w {
                  import types;
                  import dep:io/streams@0.1.0;
                  import api;
                  record local {
                    a: u8,
                  }
                  resource session {
                    user: func() -> string;
                  }
                  import log: func(l: local);
                  export run: func() -> result<_, string>;
                  export inline: interface {
                    ping: func();
                  }
                }

                package dep:io@0.1.0 {
                  interface streams {
                    resource output-stream;
                  }
                }
                """, WitPrinter.print(wit));
    }

    private static void assertStable(ResolvedWit wit) {
        String printed = WitPrinter.print(wit);
        String again = WitPrinter.print(WitPackages.parse("printed.wit", printed, WitOptions.ALL_FEATURES));
        assertEquals(printed, again);
    }

    @Test
    void aTypeAnIncludeRenamedIsADefinitionUnderItsNewName() {
        ResolvedWit wit = WitPackages.parse("test.wit", """
                package local:demo;
                world a {
                  resource r { constructor(); }
                  import f: func(x: r) -> option<r>;
                }
                world b {
                  include a with { r as s }
                }
                """);
        String printed = WitPrinter.print(wit);
        assertTrue(printed.contains("""
                world b {
                  resource s {
                    constructor();
                  }
                  import f: func(x: s) -> option<s>;
                }
                """), printed);
        assertStable(wit);
    }

    @NeedsWasiWit
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"0.2.12, wasi-cli", "0.2.12, wasi-http", "0.2.12, wasi-sockets", "0.3.0, wasi-http", "0.3.0, wasi-cli"})
    void theRealWasiPrintsStably(String version, String root) {
        Path base = JcoWit.builtin().resolve(version);
        List<Path> deps = List.of("wasi-cli", "wasi-clocks", "wasi-filesystem", "wasi-http", "wasi-io", "wasi-random",
                "wasi-sockets").stream().filter(p -> !p.equals(root)).map(base::resolve)
                .filter(p -> p.toFile().isDirectory()).toList();
        assertStable(WitPackages.load(base.resolve(root), deps));
        assertStable(WitPackages.load(base.resolve(root), deps, WitOptions.ALL_FEATURES));
    }

    @Test
    void theCommandPrintsAndReportsErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path greeter = Path.of(System.getProperty("basedir", ".")).resolve("../samples/src/main/wit/greeter.wit");
        int status = WitCommand.run(new String[] {"print", greeter.toString()}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("package example:greeter@0.2.1;\n"),
                out.toString(StandardCharsets.UTF_8));

        assertEquals(2, WitCommand.run(new String[] {"show"}, new PrintStream(out), new PrintStream(err)));
        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        assertEquals(1, WitCommand.run(new String[] {"print", "no/such/dir"}, new PrintStream(out),
                new PrintStream(missing, true, StandardCharsets.UTF_8)));
        assertTrue(missing.toString(StandardCharsets.UTF_8).startsWith("no/such/dir: cannot read"),
                missing.toString(StandardCharsets.UTF_8));
    }
}
