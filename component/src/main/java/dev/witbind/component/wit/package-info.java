/** A component's world as WIT text, from the {@code model}. Depends on {@code model} only. */
package dev.witbind.component.wit;
