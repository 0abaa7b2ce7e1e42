/** The action's outputs (action.yml), written from the run report on every path past input validation. */
import type { ActionIO } from '../io.ts';
import type { RunReport } from './model.ts';
import { qualityOutput } from '../quality/output.ts';

export function writeOutputs(io: Pick<ActionIO, 'setOutput'>, report: RunReport): void {
  io.setOutput('order-ids', JSON.stringify(report.orders.map((o) => o.orderId)));
  io.setOutput(
    'orders',
    JSON.stringify(
      report.orders.map((o) => ({
        orderId: o.orderId,
        language: o.language,
        type: o.type,
        status: o.status,
        created: o.created,
        files: o.files,
        projectId: o.projectId,
        ...(o.media !== undefined ? { media: o.media } : {}),
      })),
    ),
  );
  // One entry per media file; projectId null when none was found or made (dry run, collect, a failed upload).
  io.setOutput(
    'projects',
    JSON.stringify(report.projects.map((p) => ({ media: p.media, projectId: p.projectId ?? null, uploaded: p.uploaded }))),
  );
  io.setOutput('files', report.orders.flatMap((o) => o.files).join('\n'));
  io.setOutput('status', report.status);
  io.setOutput('artifact-url', report.artifact?.url ?? '');
  io.setOutput('quality', report.quality ? qualityOutput(report.quality.files).json : '[]');
  io.setOutput('quality-status', report.quality?.status ?? 'skipped');
}
