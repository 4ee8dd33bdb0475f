// Scenario 6 of BENCHMARKS.md: the bench guest as a jco-transpiled component on Node, with host.js as its host.
// Usage: node run-jco.mjs OUT_DIR/bench.component.js > results.txt
// Prints one line per call kind, "name ns-per-host-call error ns/op", and "# key: value" facts, which
// dev.witbind.benchmarks.RunAll reads. Like the JMH benchmarks, each guest call makes many host calls in a loop
// and the guest checks every answer; the score is the median of the measured samples, the error half their range.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const component = await import(pathToFileURL(path.resolve(process.argv[2])).href);
const require = createRequire(import.meta.url);
const jcoVersion = require(path.resolve(path.dirname(process.argv[2]), '../node_modules/@bytecodealliance/jco/package.json')).version;

const WARMUP_MS = 2000;
const SAMPLE_MS = 400;
const SAMPLES = 8;

function measure(name, hostCallsPerGuestCall, guestCall) {
  const until = performance.now() + WARMUP_MS;
  while (performance.now() < until) guestCall();
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(SAMPLE_MS) * 1000000n;
    let now = start;
    while (now < end) {
      guestCall();
      calls++;
      now = process.hrtime.bigint();
    }
    samples.push(Number(now - start) / (calls * hostCallsPerGuestCall));
  }
  samples.sort((a, b) => a - b);
  const median = (samples[SAMPLES / 2 - 1] + samples[SAMPLES / 2]) / 2;
  const error = (samples[SAMPLES - 1] - samples[0]) / 2;
  console.log(`${name} ${median.toFixed(3)} ${error.toFixed(3)} ns/op`);
}

console.log(`# node: ${process.version}`);
console.log(`# jco: ${jcoVersion}`);
console.log(`# method: ${WARMUP_MS / 1000} s warm-up, then the median of ${SAMPLES} samples of ${SAMPLE_MS} ms; the ± is half their range.`);
component.fill(0);
const U32_CALLS = 10000;
const STRING_CALLS = 100;
measure('u32', U32_CALLS, () => {
  if (component.callU32(U32_CALLS, 7) === 0) throw new Error('no result');
});
for (const size of [16, 4096]) {
  measure(`string-${size}`, STRING_CALLS, () => {
    if (component.callString(size, STRING_CALLS) !== size * STRING_CALLS) throw new Error('wrong result');
  });
}
