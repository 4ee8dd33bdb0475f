// example:kv/store@1.0.0 for jco transpile (jco-check.sh): just enough of a bucket for the misbehaving guests.
export class Bucket {
  constructor(name, permissions) {
    this.name = name;
    console.log(`  host: new bucket ${JSON.stringify(name)}`);
  }
  get(key) { return undefined; }
  set(key, value) { return 1n; }
  entries(query) { return []; }
  stats() { return { name: this.name, count: 0, totalBytes: 0n, largest: undefined, permissions: {} }; }
  static openReadOnly(name) { return new Bucket(name, {}); }
}
export const copyAll = (source, target) => 0;
export const merge = (target, source) => {
  console.log(`  host: merge ${JSON.stringify(source.name)} into ${JSON.stringify(target.name)}`);
  return 0;
};
export const countAll = (buckets) => buckets.map(() => 0);
