import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';

/** The machine the figures were taken on, and how busy it was when the bench started. */
export interface Machine {
  os: string;
  cpuModel: string;
  cpus: number;
  memoryGB: number;
  freeMemoryGBAtStart: number;
  node: string;
  chromium: string | null;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[] | null;
  note: string;
}

export function machine(): Machine {
  const list = cpus();
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    os: `${osType()} ${release()} (${process.platform} ${process.arch})`,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpus: list.length,
    memoryGB: round(totalmem() / 2 ** 30),
    freeMemoryGBAtStart: round(freemem() / 2 ** 30),
    node: process.version,
    chromium: null,
    loadAverageAtStart: loadavg().map(round),
    loadAverageAtEnd: null,
    note:
      `${list.length} cores, shared: other work (builds, test suites, other sessions) may run at the same time, so a load average ` +
      'near or above the core count means the figures are pessimistic. Chromium renders with SwiftShader (software GL, no GPU).',
  };
}
