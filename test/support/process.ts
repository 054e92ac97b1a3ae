// Real server processes (`node --import tsx src/main.ts`), for tests of start-up, shutdown,
// several processes on one database, and crashes.
import { spawn, type ChildProcess } from 'node:child_process';

export type ServerProcess = {
  child: ChildProcess;
  /** Resolves with the output so far once `until` matches; rejects if the process exits first. */
  matched: Promise<string>;
  exited: Promise<number | null>;
  output(): string;
};

/** Starts the server with `env` over a clean default environment (embedded, port 0). */
export function startProcess(env: Record<string, string>, until: RegExp): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', AUTH_JWT_SECRET: '', FLOWSHARE_DIRECTORY: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const matched = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve(output);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => (until.test(output) ? resolve(output) : reject(new Error(`exited ${code}: ${output}`))));
  });
  return { child, matched, exited, output: () => output };
}

/** The GraphQL URL a started server printed. */
export const graphqlUrlOf = (output: string) => /GraphiQL: (\S+)/.exec(output)![1]!;
