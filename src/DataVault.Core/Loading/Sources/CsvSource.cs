using System.Globalization;
using Sylvan.Data.Csv;

namespace DataVault.Core.Loading.Sources;

/// <summary>
/// A CSV file read with Sylvan.Data.Csv: a header row, columns in any order, quoted fields with embedded delimiters,
/// quotes and newlines, UTF-8 with or without BOM, CRLF or LF. Empty fields are NULL. A file with only a header is an
/// empty source; a row with more or fewer fields than the header is an error.
/// </summary>
public sealed class CsvSource : LoadSource
{
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

    /// <inheritdoc />
    public override string LocationName => "line";

    /// <inheritdoc />
    public override bool IsText => true;

    /// <inheritdoc />
    public override async ValueTask<SourceReader> OpenAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            throw new DataVaultLoadException(Name, null, null, LoadMessages.FileNotFound(Name, FilePath));
        }

        if (new FileInfo(FilePath).Length == 0)
        {
            throw new DataVaultLoadException(Name, 1, null, LoadMessages.EmptyFile(Name));
        }

        var options = new CsvDataReaderOptions { HasHeaders = true, Delimiter = Delimiter, BufferSize = 1 << 16 };
        var reader = await CsvDataReader.CreateAsync(FilePath, options, cancellationToken).ConfigureAwait(false);
        return new CsvSourceReader(Name, reader);
    }

    private sealed class CsvSourceReader(string name, CsvDataReader reader) : SourceReader
    {
        private readonly string[] _columns = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).TrimStart('\uFEFF'))];
        private long _line = 1;
        private long _nextLine = 2 + Enumerable.Range(0, reader.FieldCount).Sum(i => (long)reader.GetName(i).AsSpan().Count('\n'));

        public override IReadOnlyList<string> Columns => _columns;

        public override long Location => _line;

        public override string? RowProblem =>
            reader.RowFieldCount == _columns.Length
                ? null
                : LoadMessages.FieldCount(reader.RowFieldCount, _columns.Length);

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            bool more;
            try
            {
                more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A malformed record (e.g. a quote that is never closed): name the file and the line where it starts.
                throw new DataVaultLoadException(name, _nextLine, null, LoadMessages.MalformedRecord(name, _nextLine, ex.Message), ex);
            }

            if (more)
            {
                // The physical line where the record starts: fields may hold quoted line breaks.
                _line = _nextLine;
                _nextLine++;
                for (var i = 0; i < reader.RowFieldCount; i++)
                {
                    _nextLine += reader.GetFieldSpan(i).Count('\n');
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
            return text.Length == 0 ? null : text;
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsyncCore().ConfigureAwait(false);
        }
    }
}
