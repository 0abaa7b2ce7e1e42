/** What a status means: the one place that reads Ollang's status words. */
import { describe, expect, it } from 'vitest';
import { isCancelled, isFinished, isSuccess, isUsable, statusMeaning } from '../../src/ollang/status.ts';

describe('status meaning', () => {
  it.each([
    ['completed', 'finished-well'],
    ['delivered', 'finished-well'],
    [' Completed ', 'finished-well'],
    ['cancelled', 'finished-badly'],
    ['canceled', 'finished-badly'],
    ['CANCELED', 'finished-badly'],
    ['failed', 'finished-badly'],
    ['pending', 'unfinished'],
    ['ongoing', 'unfinished'],
    ['waitingForApprove', 'unfinished'],
    ['inTranslation', 'unfinished'],
    ['', 'unfinished'],
  ] as const)('%j is %s', (status, meaning) => {
    expect(statusMeaning(status)).toBe(meaning);
    expect(isSuccess(status)).toBe(meaning === 'finished-well');
    expect(isFinished(status)).toBe(meaning !== 'unfinished');
    expect(isUsable(status)).toBe(meaning !== 'finished-badly');
  });

  it('cancelled in either spelling is cancelled; failed is not', () => {
    expect(['cancelled', 'canceled', 'Canceled'].map(isCancelled)).toEqual([true, true, true]);
    expect(isCancelled('failed')).toBe(false);
  });
});
