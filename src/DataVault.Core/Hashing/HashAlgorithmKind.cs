namespace DataVault.Core.Hashing;

/// <summary>The hash function a <see cref="HashingStandard"/> applies to the standardised input.</summary>
public enum HashAlgorithmKind
{
    /// <summary>MD5 (RFC 1321), 16 bytes. The Data Vault 2.0 default; available in every SQL engine.</summary>
    Md5 = 0,

    /// <summary>SHA-1 (FIPS 180-4), 20 bytes.</summary>
    Sha1 = 1,

    /// <summary>SHA-256 (FIPS 180-4), 32 bytes.</summary>
    Sha256 = 2,

    /// <summary>
    /// XXH3 128-bit (xxHash128, seed 0), 16 bytes, written big-endian as System.IO.Hashing does.
    /// Client-side only: no SQL engine computes it, so a vault keyed with it cannot be loaded in-database.
    /// </summary>
    XxHash128 = 3,
}
