/**
 * Rows of a linear program (lower <= a·x <= upper) gathered in compressed
 * sparse row form, the layout HiGHS takes.
 */
export class LpRows {
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly lowers: number[] = [];
  private readonly uppers: number[] = [];

  get count(): number {
    return this.lowers.length;
  }

  /** Adds one row; `cols` must be distinct. */
  add(cols: ArrayLike<number>, coefs: ArrayLike<number>, lower: number, upper: number): void {
    const order = Array.from({ length: cols.length }, (_, k) => k).sort(
      (p, q) => cols[p]! - cols[q]!,
    );
    for (const k of order) {
      this.indices.push(cols[k]!);
      this.values.push(coefs[k]!);
    }
    this.starts.push(this.indices.length);
    this.lowers.push(lower);
    this.uppers.push(upper);
  }

  /** The rows as HiGHS matrix data over `numCols` columns. */
  toData(numCols: number): {
    lower: Float64Array;
    upper: Float64Array;
    matrix: {
      format: 'csr';
      numRows: number;
      numCols: number;
      starts: Int32Array;
      indices: Int32Array;
      values: Float64Array;
    };
  } {
    return {
      lower: Float64Array.from(this.lowers),
      upper: Float64Array.from(this.uppers),
      matrix: {
        format: 'csr',
        numRows: this.count,
        numCols,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
    };
  }
}
