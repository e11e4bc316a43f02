using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using DataVault.Core.Hashing.Standardization;

namespace DataVault.Core.Hashing;

/// <summary>
/// Builds the standardised input of one hash key or hash diff, part by part, and hashes it — without allocating.
/// Each <c>Append</c> turns one value into its canonical text and applies the standard's rules; the result is
/// written with <see cref="ComputeHash(Span{byte})"/> or <see cref="FormatHash(Span{char})"/>.
/// </summary>
/// <remarks>
/// Give it a caller's buffer (<c>stackalloc byte[256]</c>); longer rows continue in a pooled array, returned by
/// <see cref="Dispose"/>. Use it with <c>using</c>:
/// <code>
/// using var row = hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
/// row.Append(customer.Name);
/// row.Append(customer.BirthDate);
/// row.Append(customer.Balance, precision: 12, scale: 2);
/// int written = row.FormatHash(destination);
/// </code>
/// </remarks>
[SkipLocalsInit]
public ref partial struct HashRowWriter
{
    private const int StackCharBuffer = 256;

    private readonly DataVaultHasher _hasher;
    private readonly HashPurpose _purpose;
    private readonly StandardizationPlan _plan;
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;
    private int _partCount;
    private int _nonNullCount;
    private int _endOfLastNonNull;

    /// <summary>Starts an empty row.</summary>
    /// <param name="hasher">The hasher whose standard applies.</param>
    /// <param name="purpose">Whether the row is a hash key or a hash diff.</param>
    /// <param name="buffer">Scratch space for the standardised input; may be empty, then a pooled array is used.</param>
    public HashRowWriter(DataVaultHasher hasher, HashPurpose purpose, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (purpose is not (HashPurpose.Key or HashPurpose.Diff))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown hash purpose.");
        }

        _hasher = hasher;
        _purpose = purpose;
        _plan = hasher.PlanFor(purpose);
        _buffer = buffer;
        _rented = null;
        _length = 0;
        _partCount = 0;
        _nonNullCount = 0;
        _endOfLastNonNull = 0;
    }

    /// <summary>The number of parts appended so far.</summary>
    public readonly int PartCount => _partCount;

    /// <summary>Whether every part appended so far is NULL (after trimming and the empty-string rule).</summary>
    public readonly bool AllPartsNull => _nonNullCount == 0;

    /// <summary>
    /// The exact bytes that are hashed: the standardised, joined parts as UTF-8 (for a diff, without the trailing
    /// NULL parts the standard omits). Useful to see why two rows hash alike or not.
    /// </summary>
    public readonly ReadOnlySpan<byte> HashInput =>
        _purpose == HashPurpose.Diff && _hasher.Standard.OmitTrailingNullDiffParts ? _buffer[.._endOfLastNonNull] : _buffer[.._length];

    /// <summary>
    /// Whether the hash is SQL NULL: all parts NULL under <see cref="AllNullRule.Null"/>. Then
    /// <see cref="ComputeHash(Span{byte})"/> and the format methods write nothing and return 0.
    /// </summary>
    public readonly bool IsNull => _nonNullCount == 0 && _hasher.Standard.AllNullFor(_purpose) == AllNullRule.Null;

    /// <summary>Appends a NULL part.</summary>
    public void AppendNull()
    {
        BeginPart();
        AppendNullToken();
    }

    /// <summary>
    /// Hashes the row and writes the raw digest (whatever the output form). Returns the digest length, or 0 when the
    /// hash is NULL (<see cref="IsNull"/>).
    /// </summary>
    /// <param name="destination">Where the digest goes; at least <see cref="DataVaultHasher.HashLengthInBytes"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    /// <exception cref="InvalidOperationException">A key has no parts.</exception>
    public readonly int ComputeHash(Span<byte> destination) =>
        TryComputeHash(destination, out var written) ? written : throw _hasher.DestinationTooShort(destination.Length, _hasher.HashLengthInBytes, "bytes");

    /// <summary>Hashes the row and writes the raw digest if <paramref name="destination"/> is long enough.</summary>
    /// <param name="destination">Where the digest goes.</param>
    /// <param name="bytesWritten">The digest length, or 0 when the hash is NULL or the destination is too short.</param>
    /// <returns><see langword="false"/> only if the destination is too short.</returns>
    public readonly bool TryComputeHash(Span<byte> destination, out int bytesWritten)
    {
        var length = _hasher.HashLengthInBytes;
        if (IsNull)
        {
            CheckHasParts();
            bytesWritten = 0;
            return true;
        }

        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        WriteDigest(destination[..length]);
        bytesWritten = length;
        return true;
    }

    /// <summary>
    /// Hashes the row and writes the digest as hex (upper-case if the output form is <see cref="HashOutputForm.UpperHex"/>,
    /// lower-case otherwise). Returns the number of characters, or 0 when the hash is NULL.
    /// </summary>
    /// <param name="destination">At least <see cref="DataVaultHasher.HexLength"/> characters.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public readonly int FormatHash(Span<char> destination) =>
        TryFormatHash(destination, out var written) ? written : throw _hasher.DestinationTooShort(destination.Length, _hasher.HexLength, "characters");

    /// <summary>Hashes the row and writes the digest as hex if <paramref name="destination"/> is long enough.</summary>
    /// <param name="destination">Where the hex goes.</param>
    /// <param name="charsWritten">The number of characters, or 0 when the hash is NULL or the destination is too short.</param>
    /// <returns><see langword="false"/> only if the destination is too short.</returns>
    public readonly bool TryFormatHash(Span<char> destination, out int charsWritten)
    {
        Span<byte> digest = stackalloc byte[DataVaultHasher.MaxHashLengthInBytes];
        if (!TryComputeHash(digest, out var length) || length == 0)
        {
            charsWritten = 0;
            return length == 0 && IsNull;
        }

        if (destination.Length < 2 * length)
        {
            charsWritten = 0;
            return false;
        }

        Hex.Write(digest[..length], destination, _hasher.UpperHex);
        charsWritten = 2 * length;
        return true;
    }

    /// <summary>Hashes the row and writes the digest as UTF-8 hex. Returns the number of bytes, or 0 when the hash is NULL.</summary>
    /// <param name="destination">At least <see cref="DataVaultHasher.HexLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public readonly int FormatHashUtf8(Span<byte> destination)
    {
        Span<byte> digest = stackalloc byte[DataVaultHasher.MaxHashLengthInBytes];
        var length = ComputeHash(digest);
        if (destination.Length < 2 * length)
        {
            throw _hasher.DestinationTooShort(destination.Length, 2 * length, "bytes");
        }

        Hex.WriteUtf8(digest[..length], destination, _hasher.UpperHex);
        return 2 * length;
    }

    /// <summary>Hashes the row into a new hex string (allocates), or <see langword="null"/> when the hash is NULL.</summary>
    /// <returns>The hex text of the digest.</returns>
    public readonly string? ToHexString()
    {
        Span<char> hex = stackalloc char[2 * DataVaultHasher.MaxHashLengthInBytes];
        var length = FormatHash(hex);
        return length == 0 ? null : new string(hex[..length]);
    }

    /// <summary>Hashes the row into a new byte array (allocates), or <see langword="null"/> when the hash is NULL.</summary>
    /// <returns>The digest.</returns>
    public readonly byte[]? ToHashBytes()
    {
        Span<byte> digest = stackalloc byte[DataVaultHasher.MaxHashLengthInBytes];
        var length = ComputeHash(digest);
        return length == 0 ? null : digest[..length].ToArray();
    }

    /// <summary>Empties the row so the writer can build the next one (keeps any pooled buffer).</summary>
    public void Reset()
    {
        _length = 0;
        _partCount = 0;
        _nonNullCount = 0;
        _endOfLastNonNull = 0;
    }

    /// <summary>Returns the pooled buffer, if one was needed.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
            _buffer = default;
        }
    }

    private readonly void CheckHasParts()
    {
        if (_partCount == 0 && _purpose == HashPurpose.Key)
        {
            throw new InvalidOperationException("A hash key needs at least one part; append the business key values first.");
        }
    }

    private readonly void WriteDigest(Span<byte> destination)
    {
        CheckHasParts();
        if (_nonNullCount == 0 && _hasher.Standard.AllNullFor(_purpose) == AllNullRule.Zero)
        {
            destination.Clear(); // the zero key of the ghost record
            return;
        }

        HashFunction.Hash(_hasher.Standard.Algorithm, HashInput, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeginPart()
    {
        if (_partCount++ > 0)
        {
            var delimiter = _hasher.DelimiterUtf8;
            Ensure(delimiter.Length);
            delimiter.CopyTo(_buffer[_length..]);
            _length += delimiter.Length;
        }
    }

    private void AppendNullToken()
    {
        var token = _hasher.NullTokenUtf8;
        Ensure(token.Length);
        token.CopyTo(_buffer[_length..]);
        _length += token.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndNonNullPart()
    {
        _nonNullCount++;
        _endOfLastNonNull = _length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int additional)
    {
        if (_buffer.Length - _length < additional)
        {
            Grow(additional);
        }
    }

    private void Grow(int additional)
    {
        var needed = checked(_length + additional);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(256, _buffer.Length * 2)));
        _buffer[.._length].CopyTo(rented);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = rented;
        _buffer = rented;
    }

    private void AppendText(scoped ReadOnlySpan<char> text)
    {
        var plan = _plan;
        if (plan.TrimsSpaces)
        {
            text = text.Trim(' ');
        }

        if (text.IsEmpty && plan.EmptyIsNull)
        {
            AppendNull();
            return;
        }

        BeginPart();
        if ((plan.HasFastPath && text.IndexOfAny(plan.SpecialCharacters) < 0 && TryAppendPlain(text)) || AppendStandardized(text))
        {
            EndNonNullPart();
        }
        else
        {
            AppendNullToken();
        }
    }

    /// <summary>The fast path: no character is escaped, replaced or removed; only the wrap, casing and UTF-8.</summary>
    private bool TryAppendPlain(scoped ReadOnlySpan<char> text)
    {
        var wrap = _plan.FastPathWrap;
        Ensure((text.Length * 3) + (2 * wrap.Length));
        var start = _length;
        var destination = _buffer[_length..];
        wrap.CopyTo(destination);
        destination = destination[wrap.Length..];
        int written;
        if (_plan.Upper)
        {
            if (Ascii.ToUpper(text, destination, out written) != OperationStatus.Done)
            {
                _length = start;
                return false; // non-ASCII: the general path applies the Unicode mapping
            }
        }
        else
        {
            written = Encoding.UTF8.GetBytes(text, destination);
        }

        wrap.CopyTo(destination[written..]);
        _length += (2 * wrap.Length) + written;
        return true;
    }

    /// <summary>The general path: the plan's steps after the leading ones, by <see cref="SpanStandardizer"/>. Returns false when the text became NULL.</summary>
    private bool AppendStandardized(scoped ReadOnlySpan<char> text)
    {
        var standardizer = new SpanStandardizer(text, stackalloc char[StackCharBuffer], stackalloc char[StackCharBuffer], out var length);
        try
        {
            length = _plan.Run(ref standardizer, length, _plan.FirstTransform);
            if (length == SpanStandardizer.Null)
            {
                return false;
            }

            var chars = standardizer.Text(length);
            Ensure(Encoding.UTF8.GetMaxByteCount(chars.Length));
            _length += Encoding.UTF8.GetBytes(chars, _buffer[_length..]);
            return true;
        }
        finally
        {
            standardizer.Dispose();
        }
    }
}
