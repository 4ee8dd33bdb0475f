// report.js - a JavaScript guest for the WASI host: Date.now() reads wasi:clocks/wall-clock, Math.random() takes
// its seed from wasi:random, and an uncaught exception is written to wasi:cli/stderr before the component traps.
export function report(name) {
    const words = name.split(' ').map((word) => word.toUpperCase());
    return `${words.join('-')}; after 2020: ${Date.now() > 1577836800000}; random below 1: ${Math.random() < 1}`;
}

export function fail(message) {
    throw new Error(message);
}
