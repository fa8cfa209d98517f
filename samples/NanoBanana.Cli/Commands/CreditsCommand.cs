using System.CommandLine;
using NanoBanana.Cli.Output;

namespace NanoBanana.Cli.Commands;

/// <summary><c>credits</c>: the account balance, for the vendors that have one.</summary>
internal static class CreditsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command(
            "credits",
            "Show the account's credit balance (nananobanana, bananapro; the other vendors have no balance call).\n" +
            "Example: nanobanana credits --provider bananapro --json");
        command.SetAction((parseResult, cancellationToken) => runner.RunAsync(parseResult, async (session, output, ct) =>
        {
            var readCredits = session.Provider.ReadCredits
                ?? throw ProviderCatalog.NotAvailable("credits", session.Provider, "has no balance call", ProviderCatalog.WithCredits);
            var credits = await readCredits(session.Services, ct).ConfigureAwait(false);
            output.Line($"credits: {credits}");
            output.Document(new CreditsDocument(session.Provider.Name, credits), CliJson.Context.CreditsDocument);
        }, cancellationToken));
        return command;
    }
}
