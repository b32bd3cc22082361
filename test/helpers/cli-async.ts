/**
 * Runs the built CLI without blocking this process: tests that serve HTTP
 * from their own process cannot use spawnSync (the server could not answer).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from './corpus.js';
import type { CliResult } from './cli.js';

export interface RunningCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<CliResult>;
}

export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, GREATGAME_HTTP_HOST_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: out, stderr: err }));
  });
  return { child, stdout: () => out, stderr: () => err, done };
}

export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}
