using System.CommandLine;
using System.Globalization;
using NanoBanana.Cli.Output;

namespace NanoBanana.Cli.Commands;

/// <summary><c>models</c>: the vendor's model catalog, read live because vendors rename ids.</summary>
internal static class ModelsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command(
            "models",
            "List the provider's models and their cost (nananobanana, gemini; the other vendors have no model listing).\n" +
            "Example: nanobanana models --provider gemini --json");
        command.SetAction((parseResult, cancellationToken) => runner.RunAsync(parseResult, async (session, output, ct) =>
        {
            var listModels = session.Provider.ListModels
                ?? throw ProviderCatalog.NotAvailable("models", session.Provider, "has no model listing", ProviderCatalog.WithModels);
            var models = await listModels(session.Services, ct).ConfigureAwait(false);
            var idWidth = models.Select(m => m.Id.Length).DefaultIfEmpty(0).Max();
            var nameWidth = models.Select(m => m.DisplayName?.Length ?? 0).DefaultIfEmpty(0).Max();
            foreach (var model in models)
            {
                var cost = model.CreditsCost is { } credits ? string.Create(CultureInfo.InvariantCulture, $"{credits} credit(s)") : "cost unknown";
                output.Line($"{model.Id.PadRight(idWidth)}  {(model.DisplayName ?? string.Empty).PadRight(nameWidth)}  {cost,-12}  {string.Join(", ", model.Traits)}".TrimEnd());
            }

            output.Document(
                new ModelsDocument(session.Provider.Name, [.. models.Select(m => new ModelDocument(m.Id, m.DisplayName, m.CreditsCost, m.Traits))]),
                CliJson.Context.ModelsDocument);
        }, cancellationToken));
        return command;
    }
}
