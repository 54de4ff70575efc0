// Child process of the api bench: the baseline — a bare Express 5 route answering the same JSON without storage.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { sampleOrder } from './order-data.ts';

const app = express();
app.use(express.json({ limit: '1mb' }));
const record = (i: number) => ({
  id: `r${i}`,
  version: 1,
  formId: 'f1',
  formVersion: 1,
  status: 'submitted',
  data: sampleOrder(i),
  createdBy: 'u1',
  participants: ['u1'],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
});
const page = { items: Array.from({ length: 50 }, (_, i) => record(i)), nextCursor: 'abc' };
let n = 0;
app.post('/api/v1/forms/:id/records', (req, res) => {
  res.status(201).json({ ...record(n++), data: req.body.data });
});
app.get('/api/v1/forms/:id/records', (_req, res) => {
  res.json(page);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'none', formId: 'f1' })}\n`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
