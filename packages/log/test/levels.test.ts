import { describe, it, expect } from 'vitest';
import { isSwarmsimError } from '@swarmsim/interface';
import { LogError, isLevelEnabled, parseLogLevel } from '../src/index.js';

// pino's level names (pino docs, "logger.level"), plus 'silent' which turns logging off.
const PINO_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

describe('parseLogLevel', () => {
  it('accepts every pino level name, in any case', () => {
    for (const level of PINO_LEVELS) {
      expect(parseLogLevel(level)).toBe(level);
      expect(parseLogLevel(level.toUpperCase())).toBe(level);
    }
    expect(parseLogLevel(' Debug ')).toBe('debug');
  });

  it.each(['', 'verbose', 'warning', '30', 'info,debug'])('rejects %j with LOG_ERR_INVALID_LEVEL', (text) => {
    expect.assertions(4);
    try {
      parseLogLevel(text);
    } catch (err) {
      expect(err).toBeInstanceOf(LogError);
      expect(isSwarmsimError(err, 'LOG_ERR_INVALID_LEVEL')).toBe(true);
      const { type } = err as LogError;
      expect(type.value).toBe(text);
      expect(type.allowed).toEqual(PINO_LEVELS);
    }
  });
});

describe('isLevelEnabled', () => {
  it('orders levels as pino does', () => {
    expect(isLevelEnabled('info', 'warn')).toBe(true);
    expect(isLevelEnabled('info', 'info')).toBe(true);
    expect(isLevelEnabled('info', 'debug')).toBe(false);
    expect(isLevelEnabled('trace', 'debug')).toBe(true);
    expect(isLevelEnabled('fatal', 'error')).toBe(false);
    expect(isLevelEnabled('silent', 'error')).toBe(false);
  });
});
