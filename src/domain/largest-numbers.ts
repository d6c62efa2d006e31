// Keeping the best few of many numbers offered one at a time, without keeping or sorting them all. Pure.

/**
 * The `size` largest of the numbers offered, in a min-heap: a ranking keeps the best hits as it scores
 * and sorts only those it returns, whatever the number of names that match (a two-letter query matches
 * most of them).
 */
export class LargestNumbers {
  private readonly heap: Float64Array;
  private count = 0;

  constructor(size: number) {
    this.heap = new Float64Array(Math.max(0, size));
  }

  offer(x: number): void {
    const heap = this.heap;
    if (this.count < heap.length) {
      let at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if ((heap[parent] ?? 0) <= x) break;
        heap[at] = heap[parent] ?? 0;
        at = parent;
      }
      heap[at] = x;
    } else if (heap.length > 0 && x > (heap[0] ?? 0)) {
      // Replaces the smallest kept and sifts it down to its place.
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && (heap[right] ?? 0) < (heap[left] ?? 0) ? right : left;
        if ((heap[child] ?? 0) >= x) break;
        heap[at] = heap[child] ?? 0;
        at = child;
      }
      heap[at] = x;
    }
  }

  /** The numbers kept, largest first. */
  descending(): Float64Array {
    return this.heap.subarray(0, this.count).sort().reverse();
  }
}
