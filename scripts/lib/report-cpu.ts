/**
 * Preloaded into a command a benchmark times (`node --import ./scripts/lib/report-cpu.ts …`): at
 * exit it writes the process's CPU seconds (user + system) to stderr as `cpu-seconds <n>`. On a
 * shared machine CPU time is the comparable figure; wall time also counts waiting for the CPU.
 */
process.on('exit', () => {
	const { user, system } = process.cpuUsage();
	process.stderr.write(`\ncpu-seconds ${((user + system) / 1e6).toFixed(3)}\n`);
});
