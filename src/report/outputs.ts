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
      })),
    ),
  );
  io.setOutput('files', report.orders.flatMap((o) => o.files).join('\n'));
  io.setOutput('status', report.status);
  io.setOutput('quality', report.quality ? qualityOutput(report.quality.files).json : '[]');
  io.setOutput('quality-status', report.quality?.status ?? 'skipped');
}
