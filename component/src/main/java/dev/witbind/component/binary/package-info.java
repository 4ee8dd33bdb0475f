/**
 * The component binary format: {@link dev.witbind.component.binary.ComponentReader} decodes bytes into an immutable
 * {@link dev.witbind.component.binary.ComponentBinary} of definitions in binary order, and every problem, here and
 * in the later stages, is a {@link dev.witbind.component.binary.ComponentFormatException} naming a
 * {@link dev.witbind.component.binary.Rule}. This package depends on nothing else in the module.
 */
package dev.witbind.component.binary;
