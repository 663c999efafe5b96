import type { Command } from '../index.js';

// Placeholder until the evaluation core lands (being written now); replace whole file.
export const evalCommand: Command = {
  summary: 'evaluate COCO results against ground truth',
  async run() {
    throw new Error('not available yet');
  },
};
