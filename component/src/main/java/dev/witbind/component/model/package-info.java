/**
 * The type-level model a linker reads: each import and export with its parsed name, kind and WIT types, instances as
 * their functions, types and resources, and resource identities that tell a host's resources from the guest's.
 * Depends on {@code binary} (indices and core types) and on {@code wit}.
 */
package dev.witbind.component.model;
