// Runs a CommonJS file through vm.Script with a V8 code cache. Node 20 has no compile cache for modules
// (module.enableCompileCache is Node 22), and compiling a CLI bundle again at every start costs about as much as
// the rest of a `tessera jobs`. Plain JavaScript: bin/tessera.js uses it before anything is compiled; CommonJS,
// which loads quicker than an ES module at every start.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const vm = require("node:vm");

function readCache(cacheFile) {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/**
 * Requires `file`, an ASCII CommonJS module already wrapped as Node wraps one (`(function (exports, require, module,
 * __filename, __dirname) {...})`, which bin/build.js writes: wrapping it here would make V8 copy the whole text into
 * one string before compiling it), read as Latin-1 (quicker than UTF-8 and the same for ASCII), compiled
 * from the code cache `cacheFile` when V8 accepts it. Without one, or when V8 rejects it (another Node.js version),
 * a run that ends with status 0 writes what it compiled as the new cache. A cache that cannot be written (a
 * read-only install) is left out, silently.
 */
function requireWithCodeCache(file, cacheFile) {
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(readFileSync(file, "latin1"), {
    filename: file,
    cachedData,
    // No import() callback: Node 20 loses it when the script comes from the cache, so the bundles hold no import()
    // (bin/build.js turns each into a require).
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", (status) => {
      if (status !== 0) return;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        // Through a file of this process's own: two first runs at once must not interleave their writes.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // Only slower next time.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

module.exports = { requireWithCodeCache };
