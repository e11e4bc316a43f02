using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

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
public ref struct HashRowWriter
{
    private const int StackCharBuffer = 256;

    private readonly DataVaultHasher _hasher;
    private readonly HashPurpose _purpose;
    private readonly bool _upper;
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
        _upper = hasher.Standard.CasingFor(purpose) == TextCasing.Upper;
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
        var token = _hasher.NullTokenUtf8;
        Ensure(token.Length);
        token.CopyTo(_buffer[_length..]);
        _length += token.Length;
    }

    /// <summary>Appends a string as it is; <see langword="null"/> is a NULL part.</summary>
    /// <param name="value">The value.</param>
    public void Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
        }
        else
        {
            AppendText(value.AsSpan());
        }
    }

    /// <summary>Appends text as it is (never NULL itself, but empty text counts as NULL where the standard says so).</summary>
    /// <param name="value">The value.</param>
    public void Append(scoped ReadOnlySpan<char> value) => AppendText(value);

    /// <summary>Appends an integer as invariant digits.</summary>
    /// <param name="value">The value.</param>
    public void Append(long value)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, text)]);
    }

    /// <summary>Appends an integer as invariant digits, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(long? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends a decimal with exactly the declared scale (<c>19.9</c> as decimal(10,2) → <c>19.90</c>).</summary>
    /// <param name="value">The value.</param>
    /// <param name="precision">The declared precision (total digits).</param>
    /// <param name="scale">The declared scale (fractional digits).</param>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit decimal(precision, scale); it is never rounded.</exception>
    public void Append(decimal value, int precision, int scale)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, precision, scale, text)]);
    }

    /// <summary>Appends a decimal with exactly the declared scale, or NULL.</summary>
    /// <param name="value">The value.</param>
    /// <param name="precision">The declared precision (total digits).</param>
    /// <param name="scale">The declared scale (fractional digits).</param>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit decimal(precision, scale); it is never rounded.</exception>
    public void Append(decimal? value, int precision, int scale)
    {
        if (value is { } v)
        {
            Append(v, precision, scale);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends a date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The value.</param>
    public void Append(DateOnly value)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, text)]);
    }

    /// <summary>Appends a date as <c>yyyy-MM-dd</c>, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(DateOnly? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends a time of day as <c>HH:mm:ss.ffffff</c> (truncated to microseconds).</summary>
    /// <param name="value">The value.</param>
    public void Append(TimeOnly value)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, text)]);
    }

    /// <summary>Appends a time of day as <c>HH:mm:ss.ffffff</c>, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(TimeOnly? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends the wall-clock value of a timestamp as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>, whatever its kind.</summary>
    /// <param name="value">The value.</param>
    public void Append(DateTime value)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, text)]);
    }

    /// <summary>Appends the wall-clock value of a timestamp, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(DateTime? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends a timestamp with offset, converted to UTC, as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>.</summary>
    /// <param name="value">The value.</param>
    public void Append(DateTimeOffset value)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, text)]);
    }

    /// <summary>Appends a timestamp with offset, converted to UTC, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends a boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    public void Append(bool value) => AppendText(value ? "true" : "false");

    /// <summary>Appends a boolean as <c>true</c> or <c>false</c>, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(bool? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends a GUID in lower-case <c>D</c> form.</summary>
    /// <param name="value">The value.</param>
    public void Append(Guid value)
    {
        Span<char> text = stackalloc char[CanonicalText.MaxScalarLength];
        AppendText(text[..CanonicalText.Format(value, text)]);
    }

    /// <summary>Appends a GUID in lower-case <c>D</c> form, or NULL.</summary>
    /// <param name="value">The value.</param>
    public void Append(Guid? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }
    }

    /// <summary>Appends binary data as upper-case hex; <see langword="null"/> is a NULL part.</summary>
    /// <param name="value">The bytes.</param>
    public void Append(byte[]? value)
    {
        if (value is null)
        {
            AppendNull();
        }
        else
        {
            AppendBinary(value);
        }
    }

    /// <summary>Appends binary data as upper-case hex (empty data counts as NULL where the standard says so).</summary>
    /// <param name="value">The bytes.</param>
    public void AppendBinary(scoped ReadOnlySpan<byte> value)
    {
        var length = value.Length * 2;
        char[]? rented = null;
        var text = length <= StackCharBuffer ? stackalloc char[StackCharBuffer] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            AppendText(text[..CanonicalText.Format(value, text)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
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
        var standard = _hasher.Standard;
        if (standard.Trim == TrimRule.Spaces)
        {
            text = text.Trim(' ');
        }

        if (text.IsEmpty && standard.EmptyStringIsNull)
        {
            AppendNull();
            return;
        }

        BeginPart();
        if (text.IndexOfAny(_hasher.SpecialCharacters) < 0 && TryAppendPlain(text))
        {
            EndNonNullPart();
            return;
        }

        AppendTransformed(text);
        EndNonNullPart();
    }

    /// <summary>The fast path: no character needs escaping or removal; only casing and UTF-8.</summary>
    private bool TryAppendPlain(scoped ReadOnlySpan<char> text)
    {
        var quote = _hasher.QuoteUtf8;
        Ensure((text.Length * 3) + (2 * quote.Length));
        var start = _length;
        var destination = _buffer[_length..];
        quote.CopyTo(destination);
        destination = destination[quote.Length..];
        int written;
        if (_upper)
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

        quote.CopyTo(destination[written..]);
        _length += (2 * quote.Length) + written;
        return true;
    }

    /// <summary>The general path: the escape rule, then casing per Unicode scalar, then control-character removal.</summary>
    private void AppendTransformed(scoped ReadOnlySpan<char> text)
    {
        var capacity = checked((text.Length * 2 * _hasher.MaxReplacementLength) + 2); // replacements never feed each other
        char[]? rentedA = null;
        char[]? rentedB = null;
        var a = capacity <= StackCharBuffer ? stackalloc char[StackCharBuffer] : (rentedA = ArrayPool<char>.Shared.Rent(capacity));
        var b = capacity <= StackCharBuffer ? stackalloc char[StackCharBuffer] : (rentedB = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            var standard = _hasher.Standard;
            var length = Copy(text, a);
            switch (standard.Escape)
            {
                case EscapeRule.Backslash:
                    length = EscapeWithBackslash(a[..length], b);
                    Swap(ref a, ref b);
                    break;
                case EscapeRule.QuoteAndReplace:
                    length = QuoteAndReplace(a, b, length, standard);
                    break;
                case EscapeRule.None:
                    break;
                default:
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unknown escape rule {standard.Escape}."));
            }

            // Casing after escaping, as SQL upper-cases the joined string: replacement tokens are upper-cased in keys.
            // (No character's uppercase is an escaped character, so for EscapeRule.Backslash the order is immaterial.)
            if (_upper)
            {
                length = UnicodeCasing.ToUpper(a[..length], b);
                Swap(ref a, ref b);
            }

            if (standard.RemoveControlCharacters)
            {
                length = RemoveControlCharacters(a[..length], b);
                Swap(ref a, ref b);
            }

            if (standard.Escape == EscapeRule.QuoteAndReplace)
            {
                b[0] = standard.QuoteCharacter;
                a[..length].CopyTo(b[1..]);
                b[length + 1] = standard.QuoteCharacter;
                length += 2;
                Swap(ref a, ref b);
            }

            var chars = a[..length];
            Ensure(Encoding.UTF8.GetMaxByteCount(chars.Length));
            _length += Encoding.UTF8.GetBytes(chars, _buffer[_length..]);
        }
        finally
        {
            if (rentedA is not null)
            {
                ArrayPool<char>.Shared.Return(rentedA);
            }

            if (rentedB is not null)
            {
                ArrayPool<char>.Shared.Return(rentedB);
            }
        }
    }

    private static void Swap(ref Span<char> a, ref Span<char> b)
    {
        var t = a;
        a = b;
        b = t;
    }

    private static int Copy(ReadOnlySpan<char> text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private readonly int EscapeWithBackslash(ReadOnlySpan<char> text, Span<char> destination)
    {
        var escape = _hasher.Standard.EscapeCharacter;
        var special = _hasher.EscapedCharacters;
        var written = 0;
        foreach (var c in text)
        {
            if (special.Contains(c))
            {
                destination[written++] = escape;
            }

            destination[written++] = c;
        }

        return written;
    }

    /// <summary>
    /// datavault4dbt's nested SQL <c>REPLACE</c> calls, in their order: the escape character doubled, then the quote
    /// character, the NULL token and the delimiter replaced by their tokens. Leaves the result in <paramref name="a"/>.
    /// </summary>
    private static int QuoteAndReplace(Span<char> a, Span<char> b, int length, HashingStandard standard)
    {
        ReadOnlySpan<char> escape = [standard.EscapeCharacter];
        ReadOnlySpan<char> doubled = [standard.EscapeCharacter, standard.EscapeCharacter];
        ReadOnlySpan<char> quote = [standard.QuoteCharacter];
        length = ReplaceAll(a[..length], escape, doubled, b);
        length = ReplaceAll(b[..length], quote, standard.QuoteReplacement, a);
        length = ReplaceAll(a[..length], standard.NullToken, standard.NullTokenReplacement, b);
        return ReplaceAll(b[..length], standard.Delimiter, standard.DelimiterReplacement, a);
    }

    /// <summary>SQL <c>REPLACE(text, token, replacement)</c>: every non-overlapping occurrence, left to right.</summary>
    private static int ReplaceAll(ReadOnlySpan<char> text, ReadOnlySpan<char> token, ReadOnlySpan<char> replacement, Span<char> destination)
    {
        if (token.IsEmpty)
        {
            text.CopyTo(destination);
            return text.Length;
        }

        var written = 0;
        while (true)
        {
            var index = text.IndexOf(token, StringComparison.Ordinal);
            if (index < 0)
            {
                text.CopyTo(destination[written..]);
                return written + text.Length;
            }

            text[..index].CopyTo(destination[written..]);
            written += index;
            replacement.CopyTo(destination[written..]);
            written += replacement.Length;
            text = text[(index + token.Length)..];
        }
    }

    private static int RemoveControlCharacters(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        foreach (var c in text)
        {
            if (HashingStandard.ControlCharacters.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            destination[written++] = c;
        }

        return written;
    }
}
