namespace NanoBanana.Cli;

/// <summary>One exit code per kind of failure, so scripts can react without parsing messages.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int Authentication = 3;
    public const int Quota = 4;
    public const int RateLimited = 5;
    public const int ContentFiltered = 6;
    public const int GenerationFailed = 7;
    public const int Timeout = 8;
    public const int ProviderError = 9;

    /// <summary>The command, or an option given, is not available with the chosen provider; nothing was sent.</summary>
    public const int Unsupported = 10;
    public const int Cancelled = 130;
}
