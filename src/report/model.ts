/** What a run did, in one structure: outputs, job summary and PR comment are all rendered from it. */
import type { MediaProject } from '../media/projects.ts';
import type { FileQuality } from '../quality/check.ts';
import type { QualityCheckMode, QualityStatus } from '../quality/verdict.ts';

export type RunStatus = 'completed' | 'partial' | 'pending' | 'timed-out' | 'failed' | 'cancelled' | 'dry-run';

export interface OrderReport {
  orderId: string;
  /** The order's project (one per media file from v1.1). */
  projectId: string;
  /** With the `media` input: the workspace-relative media file the project was made from. */
  media?: string;
  /** Target language from Get Order (never from the create response's position). */
  language: string;
  type: string;
  /** The order's last known Ollang status, or `timed-out` / `download-failed` set by the action. */
  status: string;
  /** Whether this run created (and paid for) the order. */
  created: boolean;
  /** Named by the `order-ids` input (neither created nor looked up by this run). */
  given?: boolean;
  /** Workspace-relative paths (posix separators) downloaded for this order. */
  files: string[];
  /** A sentence for the user when something went wrong with this order. */
  problem?: string;
  /**
   * What became of the order in this run where `status` alone does not say: "cancelled by this
   * run when the wait timed out (on-timeout: cancel)", "left running (on-timeout: fail)", "had
   * already finished: nothing to cancel", or what an unfinished Ollang status waits for.
   */
  outcome?: string;
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
  /** With the `media` input: one entry per media file (the `projects` output); [] without. */
  projects: MediaProject[];
  /** The subtitle quality check (the `quality` output), absent with `quality-check: off` or before it ran. */
  quality?: { mode: QualityCheckMode; status: QualityStatus; files: FileQuality[] };
  /** Why the run failed, with what to check (the message `setFailed` reports), when it did. */
  failure?: string;
  /** The `artifact` input: the artifact's name and, once uploaded, its URL (or why it was not). */
  artifact?: { name: string; url?: string; problem?: string };
}
