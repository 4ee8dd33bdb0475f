/**
 * Every exception the runtime throws because of a guest, its binary or its host: each a
 * {@link dev.witbind.wit.WitException}, so a service that isolates plugins catches one type. They live below every
 * other package of the runtime, which all throw them.
 */
package dev.witbind.runtime.errors;
