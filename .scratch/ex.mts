import express from 'express';
const app = express();
app.get('/x', async (_req, res) => { res.type('html').send('hi'); try { res.json(undefined); } catch (e) { console.log('threw', (e as Error).message); } });
const s = app.listen(0, async () => { const port = (s.address() as any).port; const r = await fetch(`http://127.0.0.1:${port}/x`); console.log(r.status, await r.text()); s.close(); });
