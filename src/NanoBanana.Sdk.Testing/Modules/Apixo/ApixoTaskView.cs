namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>What one read of a task shows: its <c>state</c> word and, once finished, when it finished.</summary>
internal readonly record struct ApixoTaskView(string State, DateTimeOffset? CompletedAt);
