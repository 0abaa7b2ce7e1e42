/** What a run did, in one structure: outputs, job summary and PR comment are all rendered from it. */

export type RunStatus = 'completed' | 'partial' | 'pending' | 'timed-out' | 'failed' | 'cancelled' | 'dry-run';

export interface OrderReport {
  orderId: string;
  /** The order's project (one per media file from v1.1). */
  projectId: string;
  /** Target language from Get Order (never from the create response's position). */
  language: string;
  type: string;
  /** The order's last known Ollang status, or `timed-out` / `download-failed` set by the action. */
  status: string;
  /** Whether this run created (and paid for) the order. */
  created: boolean;
  /** Workspace-relative paths (posix separators) downloaded for this order. */
  files: string[];
  /** A sentence for the user when something went wrong with this order. */
  problem?: string;
}

export interface RunReport {
  status: RunStatus;
  mode: 'run' | 'submit' | 'collect' | 'cancel';
  projectId: string;
  orders: OrderReport[];
  /** Target languages with no order (collect mode, or a create that did not cover them). */
  languagesWithoutOrder: string[];
  createdCount: number;
  reusedCount: number;
  /** Workspace-relative output folder. */
  outputDir: string;
  timings: { waitedMs: number; downloadedMs: number; totalMs: number };
  /** Dry run only: what would be created and what reused. */
  plan?: { create: string[]; reuse: { language: string; orderId: string }[] };
}
