namespace DataVault.Core.Hashing;

/// <summary>What a hash key or hash diff is when every one of its parts is NULL.</summary>
public enum AllNullRule
{
    /// <summary>The zero hash: every byte 0 (in hex, every character <c>0</c>) — the key of the ghost record.</summary>
    Zero = 0,

    /// <summary>No hash at all (SQL NULL).</summary>
    Null = 1,

    /// <summary>The hash of the joined input, as for any other row (e.g. MD5 of <c>^^||^^</c>, or of the empty string).</summary>
    Hash = 2,
}
