import { RateLimiterMemory } from 'rate-limiter-flexible';
import { TooManyRequests } from '../errors/index.ts';

/**
 * Failed-login throttling per (username, IP) and per IP. In-process memory:
 * with several servers each enforces its own budget (documented).
 */
export function createLoginLimiter(
  options: { perUserAndIp?: number; perIp?: number; windowSeconds?: number } = {},
) {
  const duration = options.windowSeconds ?? 15 * 60;
  const byUserIp = new RateLimiterMemory({ points: options.perUserAndIp ?? 5, duration });
  const byIp = new RateLimiterMemory({ points: options.perIp ?? 100, duration });
  const key = (username: string, ip: string) => `${username.toLowerCase()}|${ip}`;

  return {
    async assertAllowed(username: string, ip: string): Promise<void> {
      const [userIp, ipOnly] = await Promise.all([byUserIp.get(key(username, ip)), byIp.get(ip)]);
      const blocked = [userIp, ipOnly].find(
        (r, i) =>
          r && r.remainingPoints <= 0 && r.consumedPoints >= (i === 0 ? byUserIp.points : byIp.points),
      );
      if (blocked) {
        const seconds = Math.ceil(blocked.msBeforeNext / 1000);
        throw new TooManyRequests(`Too many failed sign-ins; try again in ${seconds} s`, {
          retryAfter: seconds,
        });
      }
    },
    async recordFailure(username: string, ip: string): Promise<void> {
      await Promise.all([byUserIp.penalty(key(username, ip), 1), byIp.penalty(ip, 1)]);
    },
    async recordSuccess(username: string, ip: string): Promise<void> {
      await byUserIp.delete(key(username, ip));
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
