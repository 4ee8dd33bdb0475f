// Loaded by `jco run --jco-import <this file>` (goldens.sh does it): replaces the environment and the preopens
// that jco's WASI host gives the guest (by default: the whole environment of the node process, and the host's
// `/` preopened as `/`) with the ones a case names, as JSON in two variables:
//   WITBIND_GUEST_ENV       {"NAME": "value", ...}            the guest's whole environment (default: empty)
//   WITBIND_GUEST_PREOPENS  {"/guest/path": "/host/path", ...} the guest's only preopens (default: none)
// WITBIND_PREVIEW2_SHIM is the real path of the @bytecodealliance/preview2-shim package that jco run links the
// guest with: the module instances must be the same ones, so it is imported by that path.
import process from "node:process";
import { pathToFileURL } from "node:url";

const shim = process.env.WITBIND_PREVIEW2_SHIM;
if (!shim) throw new Error("WITBIND_PREVIEW2_SHIM is not set");
const { _setEnv } = await import(pathToFileURL(`${shim}/dist/nodejs/cli.js`).href);
const { _setPreopens } = await import(pathToFileURL(`${shim}/dist/nodejs/filesystem.js`).href);
_setEnv(JSON.parse(process.env.WITBIND_GUEST_ENV ?? "{}"));
_setPreopens(JSON.parse(process.env.WITBIND_GUEST_PREOPENS ?? "{}"));
