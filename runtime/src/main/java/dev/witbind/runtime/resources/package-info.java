/** Resource handle tables, one per instance, with the Canonical ABI's rules for own, borrow and lends. */
package dev.witbind.runtime.resources;
