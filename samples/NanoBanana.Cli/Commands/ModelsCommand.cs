using System.CommandLine;
using System.Globalization;

namespace NanoBanana.Cli.Commands;

/// <summary><c>models</c>: the vendor's model catalog, read live because vendors rename ids.</summary>
internal static class ModelsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("models", "List the provider's models and their cost.\nExample: nanobanana models");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, global, async (session, ct) =>
        {
            var listModels = session.Provider.ListModels
                ?? throw new NotSupportedException($"The provider '{session.Provider.Name}' has no model listing.");
            var models = await listModels(session.Services, ct).ConfigureAwait(false);
            var idWidth = models.Select(m => m.Id.Length).DefaultIfEmpty(0).Max();
            var nameWidth = models.Select(m => m.DisplayName?.Length ?? 0).DefaultIfEmpty(0).Max();
            foreach (var model in models)
            {
                var cost = model.CreditsCost is { } credits ? string.Create(CultureInfo.InvariantCulture, $"{credits} credit(s)") : "cost unknown";
                Console.WriteLine($"{model.Id.PadRight(idWidth)}  {(model.DisplayName ?? string.Empty).PadRight(nameWidth)}  {cost,-12}  {string.Join(", ", model.Traits)}".TrimEnd());
            }
        }, cancellationToken));
        return command;
    }
}
