using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Scenario;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>
/// A generation that passed validation and was charged, with the ending the scenario chose for it.
/// <c>ContentWarning</c> tells the content-safety ending from a plain failure; <c>Scenario</c> is the
/// scenario in force at submission, so one request sees consistent settings.
/// </summary>
internal sealed record AcceptedGeneration(
    string Id, int CreditsUsed, int RemainingCredits, JobOutcome Outcome, bool ContentWarning, ScenarioSnapshot Scenario);
