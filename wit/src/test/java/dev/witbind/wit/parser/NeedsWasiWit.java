package dev.witbind.wit.parser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test class or method that reads the real WASI WIT ({@link JcoWit#builtin()}), which npm fetches: disabled, and
 * so reported as skipped with this reason, in a build run with {@code -Dwitbind.withoutNpm}. A class whose
 * {@code @BeforeAll} reads the WIT needs it on the class: an assumption failing there would abort the class with no
 * test reported as skipped.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(
        named = JcoWit.WITHOUT_NPM,
        matches = ".*",
        disabledReason = "this build was run with -D" + JcoWit.WITHOUT_NPM + ", and this test needs the real WASI WIT,"
                + " which npm pack " + JcoWit.PACKAGE + " fetches")
public @interface NeedsWasiWit {}
