/**
 * Engine-free reading of WebAssembly components: {@link dev.witbind.component.Component#read} runs the pipeline
 * (read, validate, model) and gives imports, exports, definitions, core module bytes and the world as WIT. The
 * subpackages never depend on this one, so there are no package cycles.
 */
package dev.witbind.component;
