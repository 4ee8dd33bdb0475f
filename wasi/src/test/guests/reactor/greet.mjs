// Used by goldens.sh: instantiates a reactor transpiled by `jco transpile` on jco's WASI host (preview2-shim),
// with the environment of WITBIND_GUEST_ENV (JSON, as in ../jco-run-setup.mjs; the guest reads it while it is
// instantiated), calls greet once for each name given, in order, on that one instance, and writes the strings
// it returned to <results file>, one a line. The guest's own stdout and stderr go to this process's.
// Usage: node greet.mjs <transpiled component .js> <results file> <name>...
import { writeFileSync } from "node:fs";
import process from "node:process";
import { pathToFileURL } from "node:url";

const [component, resultsFile, ...names] = process.argv.slice(2);
const shim = process.env.WITBIND_PREVIEW2_SHIM;
if (!shim) throw new Error("WITBIND_PREVIEW2_SHIM is not set");
const { _setEnv } = await import(pathToFileURL(`${shim}/dist/nodejs/cli.js`).href);
_setEnv(JSON.parse(process.env.WITBIND_GUEST_ENV ?? "{}"));
const guest = await import(pathToFileURL(component).href);
const results = names.map((name) => guest.greet(name));
writeFileSync(resultsFile, results.map((result) => `${result}\n`).join(""));
await new Promise((resolve) => setTimeout(resolve)); // let the shim flush the guest's output
