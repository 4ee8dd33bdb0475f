// example:greeter/host@0.2.0 for jco transpile (jco-check.sh): logs each message, greets with a non-empty string.
export const log = (message) => { console.log(`  host log: ${JSON.stringify(message)}`); };
export const greet = (name) => `Hello, ${name}!`;
export const checksum = (data, seed) => data.length;
