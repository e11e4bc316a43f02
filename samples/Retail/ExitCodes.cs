namespace Retail;

/// <summary>The sample's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad data or a failed load (the vault is as it was).</summary>
    public const int Failed = 1;

    /// <summary>A usage error: unknown command or option, bad option value, conflicting options.</summary>
    public const int Usage = 2;
}
