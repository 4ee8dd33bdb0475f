/**
 * A guest's exported interface called through {@code @WitBindgen}'s typed proxy: the world {@code text} of the
 * words component fixture ({@code component/src/test/guests/words/wit/words.wit}, which {@code -Awitbind.wit} names in
 * {@code samples/pom.xml} for the test sources) exports the interface {@code example:text/words@0.1.0}, for which the
 * processor generates a proxy that calls {@code instance.function("example:text/words@0.1.0#<name>", type)}, and the
 * world-level function {@code version}.
 */
@WitBindgen(world = "example:text/text@0.1.0")
package dev.witbind.samples.words;

import dev.witbind.annotations.WitBindgen;
