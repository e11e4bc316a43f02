namespace DataVault.Core.Hashing;

/// <summary>What a hash key is when every one of its parts is NULL.</summary>
public enum AllNullKeyRule
{
    /// <summary>The zero key: every byte 0 (in hex, every character <c>0</c>), the key of the ghost record.</summary>
    ZeroKey = 0,

    /// <summary>No key at all (SQL NULL): the row has no business key.</summary>
    NoKey = 1,
}
