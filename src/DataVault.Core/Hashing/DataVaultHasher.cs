using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DataVault.Core.Hashing.Standardization;

namespace DataVault.Core.Hashing;

/// <summary>
/// Computes hash keys and hash diffs under one <see cref="HashingStandard"/>. Immutable and thread-safe: build one
/// per standard and share it.
/// </summary>
/// <remarks>
/// Every byte-writing operation comes as a triad: <c>int X(..., Span)</c> that throws when the destination is too
/// short, <c>bool TryX(..., out int)</c>, and an allocating convenience. For typed values (decimals, dates, ...) use
/// <see cref="CreateWriter(HashPurpose, Span{byte})"/>.
/// </remarks>
[SkipLocalsInit]
public sealed class DataVaultHasher
{
    /// <summary>The longest digest of any supported algorithm (SHA-256: 32 bytes).</summary>
    public const int MaxHashLengthInBytes = 32;

    private const int StackBuffer = 256;

    private readonly byte[] _delimiterUtf8;
    private readonly byte[] _nullTokenUtf8;
    private readonly StandardizationPlan _keyPlan;
    private readonly StandardizationPlan _diffPlan;

    /// <summary>Creates a hasher for <paramref name="standard"/>, after validating it.</summary>
    /// <param name="standard">The rules.</param>
    /// <exception cref="ArgumentException">The standard is invalid; the message lists every problem.</exception>
    public DataVaultHasher(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        standard.Validate();
        Standard = standard;
        HashLengthInBytes = standard.HashLengthInBytes;
        _delimiterUtf8 = Encoding.UTF8.GetBytes(standard.Delimiter);
        _nullTokenUtf8 = Encoding.UTF8.GetBytes(standard.NullToken);
        _keyPlan = StandardizationPlan.For(standard, HashPurpose.Key);
        _diffPlan = StandardizationPlan.For(standard, HashPurpose.Diff);
        UpperHex = standard.OutputForm == HashOutputForm.UpperHex;
    }

    /// <summary>A hasher for the default standard <c>dv2-default-v1</c> (<see cref="HashingStandards.Default"/>).</summary>
    public static DataVaultHasher Default { get; } = new(HashingStandards.Default);

    /// <summary>The rules this hasher applies.</summary>
    public HashingStandard Standard { get; }

    /// <summary>The length of a digest in bytes (MD5: 16).</summary>
    public int HashLengthInBytes { get; }

    /// <summary>The length of a digest as hex, in characters (MD5: 32).</summary>
    public int HexLength => 2 * HashLengthInBytes;

    /// <summary>The length of a stored key or diff in the standard's output form: hex characters, or bytes for binary.</summary>
    public int StoredLength => Standard.OutputForm == HashOutputForm.Binary ? HashLengthInBytes : HexLength;

    internal ReadOnlySpan<byte> DelimiterUtf8 => _delimiterUtf8;

    internal ReadOnlySpan<byte> NullTokenUtf8 => _nullTokenUtf8;

    /// <summary>The standardisation plan of a part hashed for <paramref name="purpose"/>, built once.</summary>
    /// <param name="purpose">Key or diff.</param>
    /// <returns>The plan.</returns>
    internal StandardizationPlan PlanFor(HashPurpose purpose) => purpose == HashPurpose.Key ? _keyPlan : _diffPlan;

    internal bool UpperHex { get; }

    /// <summary>Starts a row of typed parts for a key or a diff.</summary>
    /// <param name="purpose">Key or diff.</param>
    /// <param name="buffer">Scratch space, e.g. <c>stackalloc byte[256]</c>; longer rows continue in a pooled array.</param>
    /// <returns>The writer; dispose it.</returns>
    public HashRowWriter CreateWriter(HashPurpose purpose, Span<byte> buffer = default) => new(this, purpose, buffer);

    /// <summary>Computes the raw digest of the hash key of <paramref name="parts"/>. Returns 0 when the key is NULL (<see cref="AllNullRule.Null"/>).</summary>
    /// <param name="parts">The business-key values in declared order; <see langword="null"/> is NULL.</param>
    /// <param name="destination">At least <see cref="HashLengthInBytes"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int ComputeHashKey(ReadOnlySpan<string?> parts, Span<byte> destination) => Compute(HashPurpose.Key, parts, destination);

    /// <summary>Computes the raw digest of the hash key of <paramref name="parts"/> if the destination is long enough.</summary>
    /// <param name="parts">The business-key values in declared order.</param>
    /// <param name="destination">Where the digest goes.</param>
    /// <param name="bytesWritten">The digest length, or 0.</param>
    /// <returns><see langword="false"/> if the destination is too short.</returns>
    public bool TryComputeHashKey(ReadOnlySpan<string?> parts, Span<byte> destination, out int bytesWritten) => TryCompute(HashPurpose.Key, parts, destination, out bytesWritten);

    /// <summary>Writes the hash key of <paramref name="parts"/> as hex. Returns 0 when the key is NULL (<see cref="AllNullRule.Null"/>).</summary>
    /// <param name="parts">The business-key values in declared order.</param>
    /// <param name="destination">At least <see cref="HexLength"/> characters.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int FormatHashKey(ReadOnlySpan<string?> parts, Span<char> destination) => Format(HashPurpose.Key, parts, destination);

    /// <summary>Writes the hash key of <paramref name="parts"/> as hex if the destination is long enough.</summary>
    /// <param name="parts">The business-key values in declared order.</param>
    /// <param name="destination">Where the hex goes.</param>
    /// <param name="charsWritten">The number of characters, or 0.</param>
    /// <returns><see langword="false"/> if the destination is too short.</returns>
    public bool TryFormatHashKey(ReadOnlySpan<string?> parts, Span<char> destination, out int charsWritten) => TryFormat(HashPurpose.Key, parts, destination, out charsWritten);

    /// <summary>Writes the hash key of <paramref name="parts"/> as UTF-8 hex. Returns 0 when the key is NULL (<see cref="AllNullRule.Null"/>).</summary>
    /// <param name="parts">The business-key values in declared order.</param>
    /// <param name="destination">At least <see cref="HexLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int FormatHashKeyUtf8(ReadOnlySpan<string?> parts, Span<byte> destination) => FormatUtf8(HashPurpose.Key, parts, destination);

    /// <summary>The hash key of <paramref name="parts"/> as a new hex string, or <see langword="null"/> when it is NULL.</summary>
    /// <param name="parts">The business-key values in declared order.</param>
    /// <returns>The hex text.</returns>
    public string? HashKeyHex(params ReadOnlySpan<string?> parts) => ToHex(HashPurpose.Key, parts);

    /// <summary>The hash key of <paramref name="parts"/> as a new byte array, or <see langword="null"/> when it is NULL.</summary>
    /// <param name="parts">The business-key values in declared order.</param>
    /// <returns>The digest.</returns>
    public byte[]? HashKeyBytes(params ReadOnlySpan<string?> parts) => ToBytes(HashPurpose.Key, parts);

    /// <summary>Computes the raw digest of the hash diff of <paramref name="parts"/>.</summary>
    /// <param name="parts">The attribute values in hashing order; <see langword="null"/> is NULL.</param>
    /// <param name="destination">At least <see cref="HashLengthInBytes"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int ComputeHashDiff(ReadOnlySpan<string?> parts, Span<byte> destination) => Compute(HashPurpose.Diff, parts, destination);

    /// <summary>Computes the raw digest of the hash diff of <paramref name="parts"/> if the destination is long enough.</summary>
    /// <param name="parts">The attribute values in hashing order.</param>
    /// <param name="destination">Where the digest goes.</param>
    /// <param name="bytesWritten">The digest length, or 0.</param>
    /// <returns><see langword="false"/> if the destination is too short.</returns>
    public bool TryComputeHashDiff(ReadOnlySpan<string?> parts, Span<byte> destination, out int bytesWritten) => TryCompute(HashPurpose.Diff, parts, destination, out bytesWritten);

    /// <summary>Writes the hash diff of <paramref name="parts"/> as hex.</summary>
    /// <param name="parts">The attribute values in hashing order.</param>
    /// <param name="destination">At least <see cref="HexLength"/> characters.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int FormatHashDiff(ReadOnlySpan<string?> parts, Span<char> destination) => Format(HashPurpose.Diff, parts, destination);

    /// <summary>Writes the hash diff of <paramref name="parts"/> as hex if the destination is long enough.</summary>
    /// <param name="parts">The attribute values in hashing order.</param>
    /// <param name="destination">Where the hex goes.</param>
    /// <param name="charsWritten">The number of characters, or 0.</param>
    /// <returns><see langword="false"/> if the destination is too short.</returns>
    public bool TryFormatHashDiff(ReadOnlySpan<string?> parts, Span<char> destination, out int charsWritten) => TryFormat(HashPurpose.Diff, parts, destination, out charsWritten);

    /// <summary>Writes the hash diff of <paramref name="parts"/> as UTF-8 hex.</summary>
    /// <param name="parts">The attribute values in hashing order.</param>
    /// <param name="destination">At least <see cref="HexLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int FormatHashDiffUtf8(ReadOnlySpan<string?> parts, Span<byte> destination) => FormatUtf8(HashPurpose.Diff, parts, destination);

    /// <summary>The hash diff of <paramref name="parts"/> as a new hex string.</summary>
    /// <param name="parts">The attribute values in hashing order.</param>
    /// <returns>The hex text.</returns>
    public string? HashDiffHex(params ReadOnlySpan<string?> parts) => ToHex(HashPurpose.Diff, parts);

    /// <summary>The hash diff of <paramref name="parts"/> as a new byte array.</summary>
    /// <param name="parts">The attribute values in hashing order.</param>
    /// <returns>The digest.</returns>
    public byte[]? HashDiffBytes(params ReadOnlySpan<string?> parts) => ToBytes(HashPurpose.Diff, parts);

    internal ArgumentException DestinationTooShort(int actual, int needed, string unit, string paramName = "destination") =>
        new(string.Create(CultureInfo.InvariantCulture, $"The destination is too short: a {Standard.Algorithm} hash under '{Standard.Id}' needs {needed} {unit}, the destination has {actual}."), paramName);

    // Each operation builds its row in place (a writer returned from a helper is copied, which costs as much as the
    // standardisation of a short key) and disposes it even when the operation throws.
    private int Compute(HashPurpose purpose, ReadOnlySpan<string?> parts, Span<byte> destination)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.ComputeHash(destination);
        }
        finally
        {
            row.Dispose();
        }
    }

    private bool TryCompute(HashPurpose purpose, ReadOnlySpan<string?> parts, Span<byte> destination, out int bytesWritten)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.TryComputeHash(destination, out bytesWritten);
        }
        finally
        {
            row.Dispose();
        }
    }

    private int Format(HashPurpose purpose, ReadOnlySpan<string?> parts, Span<char> destination)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.FormatHash(destination);
        }
        finally
        {
            row.Dispose();
        }
    }

    private bool TryFormat(HashPurpose purpose, ReadOnlySpan<string?> parts, Span<char> destination, out int charsWritten)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.TryFormatHash(destination, out charsWritten);
        }
        finally
        {
            row.Dispose();
        }
    }

    private int FormatUtf8(HashPurpose purpose, ReadOnlySpan<string?> parts, Span<byte> destination)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.FormatHashUtf8(destination);
        }
        finally
        {
            row.Dispose();
        }
    }

    private string? ToHex(HashPurpose purpose, ReadOnlySpan<string?> parts)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.ToHexString();
        }
        finally
        {
            row.Dispose();
        }
    }

    private byte[]? ToBytes(HashPurpose purpose, ReadOnlySpan<string?> parts)
    {
        var row = new HashRowWriter(this, purpose, stackalloc byte[StackBuffer]);
        try
        {
            AppendAll(ref row, parts);
            return row.ToHashBytes();
        }
        finally
        {
            row.Dispose();
        }
    }

    private static void AppendAll(ref HashRowWriter row, ReadOnlySpan<string?> parts)
    {
        foreach (var part in parts)
        {
            row.Append(part);
        }
    }
}
