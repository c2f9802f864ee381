/**
 * Undo steps registered as resources are made (server, temp dir, schema), run once in reverse
 * order whatever ended the run: success, an error, Ctrl-C or the hard stop. One failing step
 * does not stop the others.
 */
export class Cleanup {
  private readonly steps: Array<{ name: string; run: () => Promise<void> | void }> = [];
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`cleanup: ${step.name} failed: ${error instanceof Error ? error.message : error}`);
        }
      }
    })();
    return this.running;
  }
}
