import { describe, it, expect } from 'vitest';
import { WORKER_MSG_DIRECTION, isWorkerReply } from '../src/worker-messages.js';

describe('worker messages', () => {
  it('accepts only worker→main messages as replies', () => {
    expect(isWorkerReply({ type: 'ok', id: 1 })).toBe(true);
    expect(isWorkerReply({ type: 'ready', url: 'ws://127.0.1.1:1' })).toBe(true);
    expect(isWorkerReply({ type: 'status', id: 1 })).toBe(false);
    expect(isWorkerReply({ type: 'toString' })).toBe(false);
    expect(isWorkerReply('ok')).toBe(false);
    expect(isWorkerReply(null)).toBe(false);
  });

  it('has requests going to the worker and replies coming back', () => {
    const toWorker = Object.entries(WORKER_MSG_DIRECTION)
      .filter(([, d]) => d === 'main→worker')
      .map(([t]) => t);
    expect(toWorker).toContain('join');
    expect(toWorker).not.toContain('failure');
    expect(toWorker.length).toBeGreaterThan(0);
    expect(toWorker.length).toBeLessThan(Object.keys(WORKER_MSG_DIRECTION).length);
  });
});
