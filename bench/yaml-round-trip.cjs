// The yardstick of the 10,000-item target: a full comment-preserving `yaml` Document round
// trip (parse everything, emit everything), which is what a function built on Documents does.
const { parseDocument } = require('yaml');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => process.stdout.write(parseDocument(Buffer.concat(chunks).toString('utf8')).toString()));
