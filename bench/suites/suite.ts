/** What a bench suite is: a name, the figures it reports, and how to measure them at one size. */
export interface SuiteOptions {
  /** Shard count for libraries the suite creates (store layout experiments). */
  shards: number;
}

export interface Suite {
  name: string;
  /** Figure names in table order; times in milliseconds unless the name says otherwise. */
  columns: string[];
  run(size: number, options: SuiteOptions): Promise<Record<string, number>>;
}
