import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
// one getrandom call per 512 ids instead of one each (bulk imports create 10k+ ids a second)
const POOL_IDS = 512;
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomEight(): Buffer {
  if (poolAt >= pool.length) {
    pool = randomBytes(8 * POOL_IDS);
    poolAt = 0;
  }
  poolAt += 8;
  return pool.subarray(poolAt - 8, poolAt);
}

/**
 * A UUIDv7-shaped id: 48-bit milliseconds, a 12-bit per-millisecond counter
 * and random bits. Ids made by one process sort by creation, so the default
 * order (createdAt desc, ties by id) lists the newest first.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    if (sequence > 0xfff) {
      ms = ++lastMs;
      sequence = 0;
    }
  } else {
    lastMs = ms;
    sequence = 0;
  }
  const rand = randomEight();
  rand[0] = (rand[0] & 0x3f) | 0x80; // RFC 9562 variant
  const hex =
    ms.toString(16).padStart(12, '0') + '7' + sequence.toString(16).padStart(3, '0') + rand.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
