using System.Text;

namespace DataVault.Core.Loading.Sources.Text;

/// <summary>
/// The decoder fallback of a CSV source: every byte sequence that is not valid UTF-8 becomes one marker character and
/// is recorded with its offset in the file, so the row that holds it can be named (line, column, byte offset) once the
/// parser reaches it — the decoder runs a buffer ahead of the parser, so an exception thrown while decoding could only
/// name where the buffer was. Strict sources mark with U+FFFF (a noncharacter, which valid data does not carry); a source
/// that replaces invalid bytes marks with U+FFFD and records nothing.
/// </summary>
internal sealed class InvalidUtf8Fallback(CountingStream stream, bool replace) : DecoderFallback
{
    /// <summary>The marker of an invalid sequence in a strict source.</summary>
    public const char Marker = '\uFFFF';

    private readonly Queue<InvalidUtf8> _found = new();

    /// <summary>The character an invalid sequence decodes to.</summary>
    public char Replacement { get; } = replace ? '\uFFFD' : Marker;

    /// <inheritdoc />
    public override int MaxCharCount => 1;

    /// <summary>Whether an invalid sequence was decoded that no row has claimed yet.</summary>
    public bool HasPending => _found.Count > 0;

    /// <summary>The earliest invalid sequence no row has claimed yet.</summary>
    /// <returns>Its offset and bytes.</returns>
    public InvalidUtf8 Take() => _found.Dequeue();

    /// <inheritdoc />
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private void Record(byte[] bytes, int index)
    {
        if (!replace)
        {
            _found.Enqueue(new InvalidUtf8(stream.LastReadStart + index, [.. bytes]));
        }
    }

    private sealed class Buffer(InvalidUtf8Fallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Record(bytesUnknown, index);
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return owner.Replacement;
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}

/// <summary>A byte sequence that is not UTF-8.</summary>
/// <param name="Offset">Its offset in the file, 0-based.</param>
/// <param name="Bytes">The bytes.</param>
internal readonly record struct InvalidUtf8(long Offset, byte[] Bytes);
