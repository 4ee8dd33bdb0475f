// The JavaScript host of bench:host/calls for the jco runner: the same work as BenchHost.java.
// run.sh copies it beside the transpiled component, which imports it (jco transpile --map).
export function echoU32(x) {
  return (x + 1) >>> 0;
}

export function echoString(s) {
  return s;
}

export function echoBytes(b) {
  return b;
}
