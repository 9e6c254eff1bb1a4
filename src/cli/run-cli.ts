/**
 * A reader that closes the pipe early (`npm start | head -1`) ends the program quietly, with 0: what it
 * stopped reading is not an error of ours, and Node's default would print a stack trace (EPIPE).
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    console.error(`output: ${err.message}`);
    process.exit(1);
  });
}

/**
 * Runs a command-line entry point: exits with the code `main` returns, or
 * prints one line prefixed with the command's name and exits 1 when it throws.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  exitQuietlyOnClosedPipe();
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`${name}: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
