// Minify many ES modules in one Node process with terser's API (plugins/minify/minify.py).
// Reads JSON from stdin: {"terser": "<path of terser's package>", "files": {"name": "code"}};
// writes JSON: {"name": {"code": "..."}} or {"name": {"error": "..."}}.
import { pathToFileURL } from 'node:url';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { terser, files } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const { minify } = await import(pathToFileURL(`${terser}/main.js`).href);
const options = { module: true, compress: true, mangle: true, format: { comments: false } };
const out = {};
for (const [name, code] of Object.entries(files)) {
  try {
    out[name] = { code: (await minify(code, options)).code };
  } catch (error) {
    out[name] = { error: `${error.message}${error.line ? ` (line ${error.line})` : ''}` };
  }
}
process.stdout.write(JSON.stringify(out));
