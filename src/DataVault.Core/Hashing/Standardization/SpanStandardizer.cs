using System.Buffers;

namespace DataVault.Core.Hashing.Standardization;

/// <summary>
/// The C# interpreter of a <see cref="StandardizationPlan"/>: each step reads the text in one buffer and writes it into
/// the other, which then becomes the current one. The buffers start as the caller's (stack) memory and continue in
/// pooled arrays when a step needs more; <see cref="Dispose"/> returns them. A value is the length of the current text,
/// or -1 for NULL.
/// </summary>
internal ref struct SpanStandardizer : IStandardizationInterpreter<int>
{
    /// <summary>The value of a NULL text.</summary>
    public const int Null = -1;

    private Span<char> _current;
    private Span<char> _other;
    private char[]? _rentedCurrent;
    private char[]? _rentedOther;

    /// <summary>Starts with <paramref name="text"/> as the current text.</summary>
    /// <param name="text">The text (canonical, after the plan's leading steps).</param>
    /// <param name="first">A scratch buffer, e.g. <c>stackalloc char[256]</c>.</param>
    /// <param name="second">Another scratch buffer of the same kind.</param>
    /// <param name="length">The length of the current text.</param>
    public SpanStandardizer(scoped ReadOnlySpan<char> text, Span<char> first, Span<char> second, out int length)
    {
        _current = first;
        _other = second;
        _rentedCurrent = null;
        _rentedOther = null;
        EnsureCurrent(text.Length);
        text.CopyTo(_current);
        length = text.Length;
    }

    /// <summary>The current text.</summary>
    /// <param name="length">Its length (not <see cref="Null"/>).</param>
    /// <returns>The text.</returns>
    public readonly ReadOnlySpan<char> Text(int length) => _current[..length];

    /// <inheritdoc />
    public int TrimSpaces(int value)
    {
        if (value == Null)
        {
            return Null;
        }

        var trimmed = _current[..value].Trim(' ');
        EnsureOther(trimmed.Length);
        trimmed.CopyTo(_other);
        return Swap(trimmed.Length);
    }

    /// <inheritdoc />
    public readonly int EmptyToNull(int value) => value == 0 ? Null : value;

    /// <inheritdoc />
    public int Escape(int value, char escapeCharacter, string characters)
    {
        if (value == Null)
        {
            return Null;
        }

        var text = _current[..value];
        var escaped = 0;
        foreach (var c in text)
        {
            escaped += characters.Contains(c, StringComparison.Ordinal) ? 1 : 0;
        }

        EnsureOther(value + escaped);
        var written = 0;
        foreach (var c in text)
        {
            if (characters.Contains(c, StringComparison.Ordinal))
            {
                _other[written++] = escapeCharacter;
            }

            _other[written++] = c;
        }

        return Swap(written);
    }

    /// <inheritdoc />
    public int Replace(int value, string token, string replacement)
    {
        if (value == Null || token.Length == 0)
        {
            return value;
        }

        var text = _current[..value];
        var occurrences = Occurrences(text, token);
        if (occurrences == 0)
        {
            return value;
        }

        EnsureOther(checked(value + (occurrences * (replacement.Length - token.Length))));
        var written = 0;
        while (true)
        {
            var index = text.IndexOf(token, StringComparison.Ordinal);
            if (index < 0)
            {
                text.CopyTo(_other[written..]);
                return Swap(written + text.Length);
            }

            text[..index].CopyTo(_other[written..]);
            written += index;
            replacement.CopyTo(_other[written..]);
            written += replacement.Length;
            text = text[(index + token.Length)..];
        }
    }

    /// <inheritdoc />
    public int Wrap(int value, char quote)
    {
        if (value == Null)
        {
            return Null;
        }

        EnsureOther(value + 2);
        _other[0] = quote;
        _current[..value].CopyTo(_other[1..]);
        _other[value + 1] = quote;
        return Swap(value + 2);
    }

    /// <inheritdoc />
    public int Upper(int value)
    {
        if (value == Null)
        {
            return Null;
        }

        EnsureOther(value); // the simple mapping never lengthens UTF-16 text
        return Swap(UnicodeCasing.ToUpper(_current[..value], _other));
    }

    /// <inheritdoc />
    public int RemoveCharacters(int value, string characters)
    {
        if (value == Null)
        {
            return Null;
        }

        EnsureOther(value);
        var written = 0;
        foreach (var c in _current[..value])
        {
            if (!characters.Contains(c, StringComparison.Ordinal))
            {
                _other[written++] = c;
            }
        }

        return Swap(written);
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        Return(ref _rentedCurrent);
        Return(ref _rentedOther);
    }

    private static int Occurrences(ReadOnlySpan<char> text, string token)
    {
        var count = 0;
        for (var index = text.IndexOf(token, StringComparison.Ordinal); index >= 0; index = text.IndexOf(token, StringComparison.Ordinal))
        {
            count++;
            text = text[(index + token.Length)..];
        }

        return count;
    }

    private static void Return(ref char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
            rented = null;
        }
    }

    private int Swap(int length)
    {
        var current = _current;
        _current = _other;
        _other = current;
        (_rentedCurrent, _rentedOther) = (_rentedOther, _rentedCurrent);
        return length;
    }

    private void EnsureCurrent(int length)
    {
        if (_current.Length < length)
        {
            Return(ref _rentedCurrent);
            _rentedCurrent = ArrayPool<char>.Shared.Rent(length);
            _current = _rentedCurrent;
        }
    }

    /// <summary>Makes room for <paramref name="length"/> characters in the other buffer (its old contents are not kept).</summary>
    private void EnsureOther(int length)
    {
        if (_other.Length < length)
        {
            Return(ref _rentedOther);
            _rentedOther = ArrayPool<char>.Shared.Rent(Math.Max(length, 2 * _other.Length));
            _other = _rentedOther;
        }
    }
}
