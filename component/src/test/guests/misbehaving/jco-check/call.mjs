// Imports a transpiled component and calls its run export (with the name given, if one is), printing what the
// host saw, what run returned or the first line of what was thrown.
const [file, ...args] = process.argv.slice(2);
try {
  const guest = await import(file);
  console.log(`  returned: ${JSON.stringify(guest.run(...args))}`);
} catch (e) {
  console.log(`  threw: ${String(e).split("\n")[0]}`);
}
