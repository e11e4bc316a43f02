namespace DataVault.Core.Hashing;

/// <summary>How a hash key or hash diff is stored in the vault.</summary>
public enum HashOutputForm
{
    /// <summary>Lower-case hexadecimal text (MD5: 32 characters).</summary>
    LowerHex = 0,

    /// <summary>Upper-case hexadecimal text.</summary>
    UpperHex = 1,

    /// <summary>The raw digest bytes (MD5: 16 bytes).</summary>
    Binary = 2,
}
