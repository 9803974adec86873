import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The resident memory and CPU time of a process and all its descendants at one moment. */
export interface TreeUsage {
  /** Sum of VmRSS over the descendants, in KB (shared pages, e.g. libraries, are counted in each process). */
  rssKB: number;
  /** Sum of user + system time, own and of waited-for children, over the descendants, in clock ticks. */
  cpuTicks: number;
  processes: number;
}

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 nearly everywhere). */
export const CLOCK_TICKS = ((): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
})();

function readProcFile(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** The parent and the CPU time of a process, from /proc/<pid>/stat. */
function readStat(pid: number): ProcStat | undefined {
  const text = readProcFile(pid, 'stat');
  if (text === undefined) return undefined;
  // The command name, in parentheses, may hold spaces: the fields that follow are counted from its end.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const at = (field: number): number => Number(fields[field - 3]);
  return { ppid: at(4), cpuTicks: at(14) + at(15) + at(16) + at(17) };
}

function readRssKB(pid: number): number {
  const status = readProcFile(pid, 'status') ?? '';
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

// Each thread lists the children it started (CONFIG_PROC_CHILDREN): a few reads a process,
// where scanning /proc reads every process of the machine.
const hasChildrenFiles = existsSync(`/proc/self/task/${process.pid}/children`);

/** The children of a process, from its threads' children files, else from a scan of /proc. */
function childrenOf(pid: number, scan: () => Map<number, number[]>): number[] {
  if (!hasChildrenFiles) return scan().get(pid) ?? [];
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return threads.flatMap((tid) => (readProcFile(pid, `task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number));
}

/** Every process's children, from the parents named in /proc/<pid>/stat. */
function scanChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const ppid = /^\d+$/.test(name) ? readStat(Number(name))?.ppid : undefined;
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  return children;
}

/** Measures every descendant of `root` (not `root` itself, e.g. the `time` that runs the command). */
export function readTreeUsage(root: number): TreeUsage {
  let scanned: Map<number, number[]> | undefined;
  const scan = (): Map<number, number[]> => (scanned ??= scanChildren());
  const usage: TreeUsage = { rssKB: 0, cpuTicks: 0, processes: 0 };
  const pending = childrenOf(root, scan);
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const stat = readStat(pid);
    if (!stat) continue;
    usage.rssKB += readRssKB(pid);
    usage.cpuTicks += stat.cpuTicks;
    usage.processes++;
    pending.push(...childrenOf(pid, scan));
  }
  return usage;
}
