import { normalSample, type Rng } from '../prng.ts';
import type { Profile } from './profile.ts';

type ServiceTime = Profile['services'][number]['serviceTime'];

/** One service duration in seconds from the profile's distribution. */
export function sampleServiceSec(d: ServiceTime, r: Rng): number {
  if (d.kind === 'empirical') return d.samplesSec[Math.floor(r() * d.samplesSec.length)]!;
  const sigma2 = Math.log(1 + d.cv * d.cv);
  const mu = Math.log(d.meanSec) - sigma2 / 2;
  return Math.max(5, Math.exp(mu + Math.sqrt(sigma2) * normalSample(r)));
}
