using System.CommandLine;

namespace NanoBanana.Cli.Commands;

/// <summary><c>credits</c>: the account balance.</summary>
internal static class CreditsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("credits", "Show the account's credit balance.\nExample: nanobanana credits --api-key nb_...");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, global, async (session, ct) =>
        {
            var readCredits = session.Provider.ReadCredits
                ?? throw new NotSupportedException($"The provider '{session.Provider.Name}' does not report a credit balance.");
            Console.WriteLine($"credits: {await readCredits(session.Services, ct).ConfigureAwait(false)}");
        }, cancellationToken));
        return command;
    }
}
