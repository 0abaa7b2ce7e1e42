import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OllangSimulator } from '../simulator/index.ts';
import { parseOrders, runAction } from './harness.ts';

describe('dist/index.js as the runner runs it', () => {
  let simulator: OllangSimulator;
  beforeAll(async () => {
    simulator = await OllangSimulator.start({ lifecycle: { pendingMs: 100, ongoingMs: 200, outputsLagMs: 100 } });
  });
  afterAll(() => simulator.close());

  it('orders three languages, downloads SRT and VTT for each, and reports completed', async () => {
    const run = await runAction({
      inputs: {
        'api-key': simulator.apiKey,
        'api-url': simulator.url,
        'project-id': 'proj-demo',
        'target-languages': 'fr, es, de',
        'poll-interval': '200ms',
        timeout: '30s',
      },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['status']).toBe('completed');
    const orders = parseOrders(run);
    expect(orders.map((o) => o.language).sort()).toEqual(['de', 'es', 'fr']);
    for (const order of orders) {
      expect(order.created).toBe(true);
      expect(order.files.some((f) => f.endsWith('.srt'))).toBe(true);
      expect(order.files.some((f) => f.endsWith('.vtt'))).toBe(true);
      for (const file of order.files) {
        expect(file.startsWith(`localized/${order.language}/`)).toBe(true);
        const text = readFileSync(path.join(run.workspace, file), 'utf8');
        if (file.endsWith('.vtt')) expect(text.startsWith('WEBVTT')).toBe(true);
        else expect(text).toMatch(/^1\r?\n\d\d:\d\d:\d\d,\d{3} --> /);
      }
    }
    expect(JSON.parse(run.outputs['order-ids']!)).toHaveLength(3);
    expect(run.summary).toContain('Ollang localization');
    expect(simulator.count('create')).toBe(1);
    expect(simulator.count('source-download')).toBe(0);
  });
});
