import { CountRing, NARROW_BUCKET_MAX } from './count-ring.js';

const sum = (ring: CountRing, from: number, to: number) => {
  const into = { good: 0, total: 0 };
  ring.sumBuckets(from, to, into);
  return into;
};

describe('CountRing', () => {
  it('saturates a narrow bucket at 2^32 − 1 instead of wrapping to a small count', () => {
    const ring = new CountRing(60_000, 4);
    ring.add(0, NARROW_BUCKET_MAX, NARROW_BUCKET_MAX);
    ring.add(0, 10, 10);
    expect(sum(ring, 0, 0)).toEqual({ good: NARROW_BUCKET_MAX, total: NARROW_BUCKET_MAX });
  });

  it('keeps exact counts past 2^32 in a wide (day) bucket', () => {
    const ring = new CountRing(86_400_000, 4, true);
    ring.add(0, 3_000_000_000, 3_000_000_000);
    ring.add(0, 3_000_000_000, 4_000_000_000);
    expect(sum(ring, 0, 0)).toEqual({ good: 6_000_000_000, total: 7_000_000_000 });
  });
});
