using System.Buffers;

namespace DataVault.Core.Hashing;

/// <summary>The typed <c>Append</c> overloads: each writes the canonical text of its value (<see cref="CanonicalText"/>) as one part.</summary>
public ref partial struct HashRowWriter
{
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
}
