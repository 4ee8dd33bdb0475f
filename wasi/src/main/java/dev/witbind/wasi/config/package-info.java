/**
 * What one guest instance sees through WASI, configured per instance: {@link dev.witbind.wasi.config.WasiConfig}
 * (arguments, environment, preopened directories, standard streams, clocks, randomness), and
 * {@link dev.witbind.wasi.config.WasiView} for data that carries a configuration beside the user's own.
 */
package dev.witbind.wasi.config;
