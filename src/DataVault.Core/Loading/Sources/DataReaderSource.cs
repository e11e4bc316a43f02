using System.Data;

namespace DataVault.Core.Loading.Sources;

/// <summary>An <see cref="IDataReader"/> (any ADO.NET reader, or e.g. a CSV library's reader) as a source; typed values are converted to the model's types.</summary>
public sealed class DataReaderSource : LoadSource
{
    private readonly IDataReader _reader;
    private bool _opened;

    /// <summary>Creates the source. The loader reads it once and does not dispose it.</summary>
    /// <param name="name">The name shown in errors.</param>
    /// <param name="reader">The reader, positioned before its first row.</param>
    /// <param name="mapping">Its mapping, or <see langword="null"/> for by-name defaults.</param>
    public DataReaderSource(string name, IDataReader reader, SourceMapping? mapping = null)
        : base(name, mapping)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <inheritdoc />
    public override ValueTask<SourceReader> OpenAsync(CancellationToken cancellationToken)
    {
        if (_opened)
        {
            throw new InvalidOperationException(LoadMessages.ReaderAlreadyRead(Name));
        }

        _opened = true;
        return ValueTask.FromResult<SourceReader>(new Reader(_reader));
    }

    private sealed class Reader(IDataReader reader) : SourceReader
    {
        private readonly string[] _columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        private long _row;

        public override IReadOnlyList<string> Columns => _columns;

        public override long Location => _row;

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            var more = reader is System.Data.Common.DbDataReader db ? await db.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read();
            if (more)
            {
                _row++;
            }

            return more;
        }

        public override object? GetValue(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
    }
}
