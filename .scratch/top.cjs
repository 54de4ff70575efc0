const fs = require('fs');
const dir = '/tmp/fw/prof';
const file = fs.readdirSync(dir).map(f => dir + '/' + f).sort((a,b)=>fs.statSync(b).size-fs.statSync(a).size)[0];
const prof = JSON.parse(fs.readFileSync(file));
const self = new Map();
const byId = new Map(prof.nodes.map(n => [n.id, n]));
const dt = prof.timeDeltas; const samples = prof.samples;
const counts = new Map();
for (let i = 0; i < samples.length; i++) counts.set(samples[i], (counts.get(samples[i]) || 0) + (dt[i] || 0));
for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').slice(-2).join('/') + ':' + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + t); }
const total = [...self.values()].reduce((a,b)=>a+b,0);
console.log([...self.entries()].sort((a,b)=>b[1]-a[1]).slice(0, 40).map(([k,v]) => (v/1000).toFixed(0).padStart(7) + 'ms ' + (100*v/total).toFixed(1).padStart(5) + '% ' + k).join('\n'));
