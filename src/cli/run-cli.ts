/**
 * Runs a command-line entry point: exits with the code `main` returns, or
 * prints one line prefixed with the command's name and exits 1 when it throws.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`${name}: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
