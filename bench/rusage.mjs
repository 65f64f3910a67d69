/**
 * Preloaded (`node --import ./bench/rusage.mjs …`) into every process the benchmark times: at exit
 * it writes the process's own CPU time and peak RSS to the file named by BENCH_RUSAGE. Node has no
 * getrusage(RUSAGE_CHILDREN), and this keeps the benchmark free of /usr/bin/time.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RUSAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, userMs: u.userCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
