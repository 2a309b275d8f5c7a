import { ConsoleLogger, INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ImportFileResult } from '@solleciti/dto';
import { addDays, isPlainDate, PlainDate } from '@solleciti/util';
import { readdir, stat } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

import { AppModule } from './app/app.module';
import { readImportFile } from './cli-import-file';
import { InvoiceImportService } from './app/invoices/invoice-import.service';
import { summarizeImport } from './app/invoices/import-summary';
import { createDryRunMemory, ReminderSweepService, SweepReport } from './app/reminders/reminder-sweep.service';
import { ClockService } from './services/clock/clock.service';
import { ConfigurationService } from './services/configuration/configuration.service';

const USAGE = `Usage:
  npm run cli -- import <files or folders...> [--create-companies]
      Imports FatturaPA files (.xml, .xml.p7m). Folders are read with their subfolders.
      --create-companies  create the seller's company when no company has its VAT number
  npm run cli -- sweep [--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD] [--dry-run] [--json]
      Runs the reminder sweep as if today were that date (default: today in REMINDER_TIME_ZONE);
      a range runs day by day, in order.
      --dry-run  send and record nothing, only report what is due
      --json     print one JSON object per dispatch instead of the counts
      It first sends the retries that are due. SIGTERM, Ctrl-C or SIGHUP stops it after the
      reminder in flight has been recorded (exit code 143, 130 or 129).
The database and mail settings come from the same environment variables as the server.`;

/** Nest logs go to stderr so that stdout carries only the command's own output (and --json). */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}

class UsageError extends Error {}

/** Signals that stop a sweep after the reminder in flight. The CLI also raises SIGHUP when its parent ends. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Raises SIGHUP in this process when the parent that opened an IPC channel to it ends. run-cli.mjs
 * opens one so that its CLI stops even when the wrapper is killed with SIGKILL, which the wrapper
 * cannot forward: the kernel closes the channel, and Node emits 'disconnect'. Without a channel
 * (cli.js run directly) nothing changes.
 */
function stopWhenParentEnds(): void {
  if (!process.channel) {
    return;
  }
  process.once('disconnect', () => {
    process.stderr.write('The parent process (run-cli.mjs) ended, so the CLI stops as on SIGHUP.\n');
    process.kill(process.pid, 'SIGHUP');
  });
}

async function main(argv: string[]): Promise<number> {
  stopWhenParentEnds();
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);

    return command === undefined ? 2 : 0;
  }
  if (command !== 'import' && command !== 'sweep') {
    throw new UsageError(`Unknown command "${command}"; use import or sweep`);
  }

  const parsed = parseOptions(rest);

  // Everything that can be checked without the database is checked before Nest starts.
  const files = command === 'import' ? await collectAll(parsed.positionals) : [];
  if (command === 'sweep') {
    validateSweepOptions(parsed.values);
  }

  // The import prints its own line per file, so Nest's informational logs would only clutter it.
  const logLevels: LogLevel[] = command === 'import' ? ['error', 'warn'] : ['error', 'warn', 'log'];
  const context = await NestFactory.createApplicationContext(AppModule.register({ server: false }), {
    logger: new StderrLogger('Solleciti', { logLevels }),
  });
  try {
    return command === 'import'
      ? await runImport(context, files, Boolean(parsed.values['create-companies']))
      : await runSweep(context, parsed.values);
  } finally {
    await context.close();
  }
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        'create-companies': { type: 'boolean', default: false },
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; show that with the usage.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function collectAll(paths: string[]): Promise<string[]> {
  if (paths.length === 0) {
    throw new UsageError('import needs at least one file or folder');
  }

  const files = (await Promise.all(paths.map(collectFiles))).flat();
  if (files.length === 0) {
    throw new UsageError(`No .xml or .p7m files found in ${paths.join(', ')}`);
  }

  return files;
}

async function runImport(context: INestApplicationContext, files: string[], createCompanies: boolean): Promise<number> {
  const importService = context.get(InvoiceImportService);
  const maxBytes = context.get(ConfigurationService).get('importMaxFileBytes');
  const results = [];
  for (const file of files) {
    const read = await readImportFile(file, maxBytes);
    let result: ImportFileResult;
    if (read.kind === 'not-a-file') {
      result = {
        fileName: basename(file),
        status: 'rejected',
        invoices: [],
        companyId: null,
        message: 'Not a regular file (a device, socket or pipe, perhaps behind a link); import only .xml and .p7m files',
        reason: 'not-xml',
        element: null,
      };
    } else if (read.kind === 'too-large') {
      result = importService.rejectTooLarge(basename(file), read.sizeBytes);
    } else {
      result = await importService.importFile({ fileName: basename(file), content: read.content, createCompanies });
    }
    results.push(result);

    const detail =
      result.status === 'imported'
        ? `imported ${result.invoices.length} invoice${result.invoices.length === 1 ? '' : 's'}`
        : result.status === 'already-imported'
          ? result.message.replace(/^Already imported/, 'already imported')
          : `${result.status === 'conflict' ? 'rejected (conflict)' : 'rejected'}: ${result.message}`;
    process.stdout.write(`${file}: ${detail}\n`);
  }

  const summary = summarizeImport(results);
  process.stdout.write(
    `${files.length} file(s): ${summary.imported} imported, ${summary.alreadyImported} already imported, ` +
      `${summary.conflicts} in conflict, ${summary.rejected} rejected\n`,
  );

  return summary.rejected + summary.conflicts > 0 ? 1 : 0;
}

async function runSweep(
  context: INestApplicationContext,
  values: { date?: string; from?: string; to?: string; 'dry-run'?: boolean; json?: boolean },
): Promise<number> {
  const days = sweepDays(values, context.get(ClockService).today());
  const sweepService = context.get(ReminderSweepService);
  const dryRun = Boolean(values['dry-run']);
  const dryRunMemory = dryRun ? createDryRunMemory() : undefined;
  let failed = 0;

  // SIGTERM, SIGINT (Ctrl-C) or SIGHUP lets the reminder in flight finish and be recorded, then
  // stops, and the next run goes on where this one stopped. Repeated signals are ignored because
  // Ctrl-C under run-cli.mjs arrives twice, once from the terminal and once forwarded by the wrapper.
  let stopSignal: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals) => {
    if (stopSignal !== null) {
      return;
    }
    stopSignal = signal;
    process.stderr.write(`${signal} received: stopping after the reminder in flight is recorded.\n`);
    sweepService.requestStop();
  };
  for (const signal of STOP_SIGNALS) {
    process.on(signal, stop);
  }

  for (const day of days) {
    const report = await sweepService.sweep({ day, dryRun, dryRunMemory, trigger: 'cli' });
    failed += report.counts.failed;
    printReport(report, Boolean(values.json));
    if (report.interrupted) {
      process.stderr.write(`The sweep of ${day} was stopped early; run it again to send the rest.\n`);
      break;
    }
  }

  if (stopSignal !== null) {
    // 128 + the signal number, as a shell reports a process ended by that signal.
    return 128 + constants.signals[stopSignal];
  }

  return failed > 0 ? 1 : 0;
}

function validateSweepOptions(values: { date?: string; from?: string; to?: string }): void {
  for (const option of ['date', 'from', 'to'] as const) {
    const value = values[option];
    if (value !== undefined && !isPlainDate(value)) {
      throw new UsageError(`--${option} "${value}" is not a calendar date; use YYYY-MM-DD`);
    }
  }
  if (values.date && (values.from || values.to)) {
    throw new UsageError('Use either --date or --from with --to, not both');
  }
  if ((values.from === undefined) !== (values.to === undefined)) {
    throw new UsageError('--from and --to go together');
  }
  if (values.from && values.to && values.from > values.to) {
    throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  }
}

function sweepDays(values: { date?: string; from?: string; to?: string }, today: PlainDate): PlainDate[] {
  if (values.from && values.to) {
    const days: PlainDate[] = [];
    for (let day = values.from; day <= values.to; day = addDays(day, 1)) {
      days.push(day);
    }

    return days;
  }

  return [values.date ?? today];
}

function printReport(report: SweepReport, json: boolean): void {
  if (json) {
    for (const dispatch of report.dispatches) {
      process.stdout.write(`${JSON.stringify({ day: report.day, ...dispatch })}\n`);
    }

    return;
  }

  const skipped = Object.entries(report.counts.skipped)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  const pending = [
    report.counts.retry > 0 ? `${report.counts.retry} to retry` : '',
    report.counts.uncertain > 0 ? `${report.counts.uncertain} uncertain` : '',
  ]
    .filter(Boolean)
    .map((part) => `${part}, `)
    .join('');
  process.stdout.write(
    `${report.day}${report.dryRun ? ' (dry run)' : ''}: ${report.counts.due} due, ${report.counts.sent} sent, ` +
      `${pending}${report.counts.failed} failed, skipped: ${skipped || 'none'}\n`,
  );
}

async function collectFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (info === null) {
    throw new UsageError(`No such file or folder: ${path}`);
  }
  if (info.isFile()) {
    return [path];
  }

  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((left, right) => left.name.localeCompare(right.name))
      .map((entry) => {
        const child = join(path, entry.name);
        if (entry.isDirectory()) {
          return collectFiles(child);
        }

        return Promise.resolve(/\.(xml|p7m)$/i.test(entry.name) ? [child] : []);
      }),
  );

  return nested.flat();
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
