/**
 * The greeter host written from WIT: {@code @WitBindgen} generates, from the world {@code greeter} of
 * {@code src/main/wit/greeter.wit}, the Java interface {@link dev.witbind.samples.fromwit.Host} (the functions of
 * {@code example:greeter/host@0.2.1}) and the typed proxy {@link dev.witbind.samples.fromwit.GreeterGuest} (the
 * world's exports {@code run} and {@code fingerprint}); {@link dev.witbind.samples.fromwit.WitGreeterHost}
 * implements the interface in the same compilation. The WIT is the one {@code -Awitbind.wit} names in
 * {@code samples/pom.xml}.
 */
@WitBindgen(world = "example:greeter/greeter@0.2.1")
package dev.witbind.samples.fromwit;

import dev.witbind.annotations.WitBindgen;
