/** Where per-image result arrays come from. */
export interface ArrayAllocator {
  int32(n: number): Int32Array;
  uint32(n: number): Uint32Array;
  float64(n: number): Float64Array;
}

/** A new array each time. */
export const freshArrays: ArrayAllocator = {
  int32: (n) => new Int32Array(n),
  uint32: (n) => new Uint32Array(n),
  float64: (n) => new Float64Array(n),
};

const CHUNK = 1 << 20;

/**
 * Hands out views of large shared buffers, so that evaluating thousands of images does not allocate (and
 * later collect) tens of thousands of small buffers. A chunk lives as long as any view of it.
 */
export class Slab implements ArrayAllocator {
  private i32 = new Int32Array(0);
  private u32 = new Uint32Array(0);
  private f64 = new Float64Array(0);
  private i32Used = 0;
  private u32Used = 0;
  private f64Used = 0;

  int32(n: number): Int32Array {
    if (this.i32Used + n > this.i32.length) [this.i32, this.i32Used] = [new Int32Array(Math.max(CHUNK, n)), 0];
    return this.i32.subarray(this.i32Used, (this.i32Used += n));
  }

  uint32(n: number): Uint32Array {
    if (this.u32Used + n > this.u32.length) [this.u32, this.u32Used] = [new Uint32Array(Math.max(CHUNK, n)), 0];
    return this.u32.subarray(this.u32Used, (this.u32Used += n));
  }

  float64(n: number): Float64Array {
    if (this.f64Used + n > this.f64.length) [this.f64, this.f64Used] = [new Float64Array(Math.max(CHUNK, n)), 0];
    return this.f64.subarray(this.f64Used, (this.f64Used += n));
  }
}
