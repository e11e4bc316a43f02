using System.Text;
using DataVault.Core.Loading.Sources.Text;
using Sylvan.Data.Csv;

namespace DataVault.Core.Loading.Sources;

/// <summary>
/// A CSV file read with Sylvan.Data.Csv: a header row, columns in any order, quoted fields with embedded delimiters,
/// quotes and newlines, UTF-8 with or without BOM, CRLF or LF. Empty fields are NULL. A file with only a header is an
/// empty source; a row with more or fewer fields than the header is an error. Decoding is strict: a byte sequence that
/// is not UTF-8 makes its row a bad row naming the line, column and byte offset (<see cref="ReplaceInvalidUtf8"/> to
/// replace it instead). Memory is bounded whatever the input: a record longer than <see cref="MaxRecordLength"/> is an
/// error naming the file, line and limit; a path that is a directory, a device or a pipe is an error naming it.
/// </summary>
public sealed class CsvSource : LoadSource
{
    /// <summary>The default of <see cref="MaxRecordLength"/>: 16 Mi characters (32 MiB of parser buffer).</summary>
    public const int DefaultMaxRecordLength = 16 * 1024 * 1024;

    private const int InitialBufferLength = 1 << 16;

    /// <summary>Creates a CSV source.</summary>
    /// <param name="path">The file.</param>
    /// <param name="mapping">Its mapping, or <see langword="null"/> for by-name defaults.</param>
    /// <param name="delimiter">The field delimiter (default comma).</param>
    public CsvSource(string path, SourceMapping? mapping = null, char delimiter = ',')
        : base(Path.GetFileName(path ?? throw new ArgumentNullException(nameof(path))), mapping)
    {
        FilePath = path;
        Delimiter = delimiter;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>The field delimiter.</summary>
    public char Delimiter { get; }

    /// <summary>
    /// The longest record (all its fields, delimiters and quotes, in characters) the parser holds in memory; a longer one
    /// — the header included — is an error naming the file, line and this limit. Default
    /// <see cref="DefaultMaxRecordLength"/>; at least 64 Ki characters.
    /// </summary>
    public int MaxRecordLength
    {
        get;
        init => field = value >= InitialBufferLength ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least 65,536 characters");
    } = DefaultMaxRecordLength;

    /// <summary>
    /// Whether a byte sequence that is not UTF-8 is replaced by U+FFFD and loaded (default <see langword="false"/>: its row
    /// is a bad row naming the line, column and byte offset).
    /// </summary>
    public bool ReplaceInvalidUtf8 { get; init; }

    /// <inheritdoc />
    public override string LocationName => "line";

    /// <inheritdoc />
    public override bool IsText => true;

    /// <inheritdoc />
    public override async ValueTask<SourceReader> OpenAsync(CancellationToken cancellationToken)
    {
        var stream = Open();
        var counting = new CountingStream(stream);
        var fallback = new InvalidUtf8Fallback(counting, ReplaceInvalidUtf8);
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).Clone();
        encoding.DecoderFallback = fallback;
        var text = new StreamReader(counting, encoding, detectEncodingFromByteOrderMarks: false, InitialBufferLength);
        try
        {
            var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = Delimiter, BufferSize = InitialBufferLength, MaxBufferSize = MaxRecordLength };
            CsvDataReader reader;
            try
            {
                reader = await CsvDataReader.CreateAsync(text, options, cancellationToken).ConfigureAwait(false);
            }
            catch (CsvRecordTooLargeException e)
            {
                throw new DataVaultLoadException(Name, 1, null, LoadMessages.RecordTooLong(Name, 1, null, MaxRecordLength), e);
            }

            // The decoder runs ahead of the parser: an invalid sequence decoded so far is the header's only if a name holds it.
            if (fallback.HasPending && Enumerable.Range(0, reader.FieldCount).Any(i => reader.GetName(i).Contains(InvalidUtf8Fallback.Marker, StringComparison.Ordinal)))
            {
                var invalid = fallback.Take();
                throw new DataVaultLoadException(Name, 1, null, LoadMessages.InvalidUtf8InHeader(Name, invalid.Offset, invalid.Bytes));
            }

            return new CsvSourceReader(this, reader, fallback);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file, refusing what is not one: a missing path, a directory, a device or a pipe.</summary>
    private FileStream Open()
    {
        if (Directory.Exists(FilePath))
        {
            throw new DataVaultLoadException(Name, null, null, LoadMessages.IsADirectory(Name, FilePath));
        }

        if (!File.Exists(FilePath))
        {
            throw new DataVaultLoadException(Name, null, null, LoadMessages.FileNotFound(Name, FilePath));
        }

        FileStream stream;
        try
        {
            stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // A link whose target is gone exists as a name only.
            throw new DataVaultLoadException(Name, null, null, LoadMessages.FileNotFound(Name, FilePath), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataVaultLoadException(Name, null, null, LoadMessages.CannotOpen(Name, FilePath, e.Message), e);
        }

        try
        {
            // A regular file of length 0 has no bytes; a device (/dev/zero) or a pipe reports length 0 (or cannot tell its
            // length) yet delivers bytes, possibly without end.
            var length = stream.CanSeek ? stream.Length : -1;
            if (length <= 0)
            {
                Span<byte> first = stackalloc byte[1];
                if (length == 0 && stream.Read(first) == 0)
                {
                    throw new DataVaultLoadException(Name, 1, null, LoadMessages.EmptyFile(Name));
                }

                throw new DataVaultLoadException(Name, null, null, LoadMessages.NotARegularFile(Name, FilePath));
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private sealed class CsvSourceReader(CsvSource source, CsvDataReader reader, InvalidUtf8Fallback fallback) : SourceReader
    {
        private readonly string _name = source.Name;
        private readonly string[] _columns = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).TrimStart('\uFEFF'))];
        private long _line = 1;
        private long _nextLine = 2 + Enumerable.Range(0, reader.FieldCount).Sum(i => (long)reader.GetName(i).AsSpan().Count('\n'));
        private string? _problem;
        private string? _problemColumn;
        private bool _invalidText;

        public override IReadOnlyList<string> Columns => _columns;

        public override long Location => _line;

        public override string? RowProblem => _problem;

        public override string? RowProblemColumn => _problemColumn;

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            bool more;
            try
            {
                more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvRecordTooLargeException e)
            {
                var column = e.FieldOrdinal >= 0 && e.FieldOrdinal < _columns.Length ? _columns[e.FieldOrdinal] : null;
                throw new DataVaultLoadException(_name, _nextLine, column, LoadMessages.RecordTooLong(_name, _nextLine, column, source.MaxRecordLength), e);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A malformed record (e.g. a quote that is never closed): name the file and the line where it starts.
                throw new DataVaultLoadException(_name, _nextLine, null, LoadMessages.MalformedRecord(_name, _nextLine, ex.Message), ex);
            }

            _problem = null;
            _problemColumn = null;
            _invalidText = false;
            if (more)
            {
                // The physical line where the record starts: fields may hold quoted line breaks.
                _line = _nextLine;
                _nextLine++;
                for (var i = 0; i < reader.RowFieldCount; i++)
                {
                    _nextLine += reader.GetFieldSpan(i).Count('\n');
                }

                if (reader.RowFieldCount != _columns.Length)
                {
                    _problem = LoadMessages.FieldCount(reader.RowFieldCount, _columns.Length);
                }

                if (fallback.HasPending)
                {
                    FindInvalidText();
                }
            }

            return more;
        }

        public override object? GetValue(int ordinal)
        {
            if (ordinal >= reader.RowFieldCount)
            {
                return null;
            }

            var text = reader.GetString(ordinal);
            if (_invalidText)
            {
                // The bytes were not UTF-8: the row is bad, and what is shown or quarantined of it is the replacement.
                text = text.Replace(InvalidUtf8Fallback.Marker, '\uFFFD');
            }

            return text.Length == 0 ? null : text;
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsyncCore().ConfigureAwait(false);
        }

        /// <summary>Claims the invalid sequences decoded into this row (a row may hold several).</summary>
        private void FindInvalidText()
        {
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                var markers = reader.GetFieldSpan(i).Count(InvalidUtf8Fallback.Marker);
                if (markers == 0)
                {
                    continue;
                }

                _invalidText = true;
                for (var m = 0; m < markers && fallback.HasPending; m++)
                {
                    var invalid = fallback.Take();
                    if (_problem is null)
                    {
                        _problem = LoadMessages.InvalidUtf8(invalid.Offset, invalid.Bytes);
                        _problemColumn = i < _columns.Length ? _columns[i] : null;
                    }
                }
            }
        }
    }
}
