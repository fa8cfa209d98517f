using NanoBanana.Cli;

// Ctrl+C cancels the command's token and the run exits with 130, instead of the process dying by the signal.
return await CliApplication.RunAsync(args, CliConsole.Process(), TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
