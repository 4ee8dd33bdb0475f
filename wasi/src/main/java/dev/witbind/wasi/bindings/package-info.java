/**
 * The Java that {@code @WitBindgen} generates from the real WASI 0.2.12 {@code wasi:cli/command} world: one
 * {@code *Host} interface per imported WASI interface (which the classes of {@code dev.witbind.wasi.host} implement)
 * and the {@code RunGuest} proxy of the {@code wasi:cli/run} export. Generated at build time from the
 * WIT that the generate-sources phase fetches, so nothing here is hand-written.
 */
@WitBindgen(world = "wasi:cli/command@0.2.12")
package dev.witbind.wasi.bindings;

import dev.witbind.annotations.WitBindgen;
