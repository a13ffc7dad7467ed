'use strict';
// Runs a CloudFront Function's code on one event, as CloudFront's cloudfront-js-2.0 runtime calls it:
//   node cloudfront-function-harness.js <code file> <event file>
// prints the handler's result as JSON on stdout. The code runs in a context of its own (node's vm)
// holding only the JavaScript language and a console: no require, process, timers, file system or
// network, which CloudFront Functions do not have either. The event is read as JSON, so it has the
// shape CloudFront gives (version, context, viewer, request with headers/cookies/querystring as
// objects of {value, multiValue}); a handler may return its result or a promise of it.
//
// Not emulated (CloudFront enforces them, this harness does not): the language subset of
// cloudfront-js-2.0 (ES 5.1 plus some later features; node accepts more), the `cloudfront` module
// and KeyValueStore, the compute-utilization and memory limits, the checks CloudFront makes on the
// request a function returns (header names, read-only headers, sizes), and the way CloudFront
// lower-cases header names before the function runs (the event is taken as given).
const fs = require('fs');
const vm = require('vm');

const [codeFile, eventFile] = process.argv.slice(2);
const code = fs.readFileSync(codeFile, 'utf8');
const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
const sandbox = vm.createContext({ console: { log: (...args) => process.stderr.write(args.join(' ') + '\n') } });
vm.runInContext(code, sandbox, { filename: 'cloudfront-function.js', timeout: 1000 });
if (typeof sandbox.handler !== 'function') {
    throw new Error('the code defines no function handler(event)');
}
Promise.resolve(sandbox.handler(event)).then(result => {
    process.stdout.write(JSON.stringify(result === undefined ? null : result));
});
