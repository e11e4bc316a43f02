using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace DataVault.Core.Loading.Sources;

/// <summary>A sequence of objects as a source: each public readable property is a column of the same name.</summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class ObjectSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T> : LoadSource
{
    private readonly IEnumerable<T>? _rows;
    private readonly IAsyncEnumerable<T>? _asyncRows;

    /// <summary>Creates the source from a sequence.</summary>
    /// <param name="name">The name shown in errors.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="mapping">Its mapping, or <see langword="null"/> for by-name defaults.</param>
    public ObjectSource(string name, IEnumerable<T> rows, SourceMapping? mapping)
        : base(name, mapping)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows;
    }

    /// <summary>Creates the source from an asynchronous sequence.</summary>
    /// <param name="name">The name shown in errors.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="mapping">Its mapping, or <see langword="null"/> for by-name defaults.</param>
    public ObjectSource(string name, IAsyncEnumerable<T> rows, SourceMapping? mapping)
        : base(name, mapping)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _asyncRows = rows;
    }

    /// <inheritdoc />
    public override ValueTask<SourceReader> OpenAsync(CancellationToken cancellationToken)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
        var rows = _asyncRows ?? ToAsync(_rows!);
        return ValueTask.FromResult<SourceReader>(new Reader(properties, rows.GetAsyncEnumerator(cancellationToken)));
    }

    private static async IAsyncEnumerable<T> ToAsync(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private sealed class Reader(PropertyInfo[] properties, IAsyncEnumerator<T> rows) : SourceReader
    {
        private readonly string[] _columns = [.. properties.Select(p => p.Name)];
        private long _row;

        public override IReadOnlyList<string> Columns => _columns;

        public override long Location => _row;

        public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var more = await rows.MoveNextAsync().ConfigureAwait(false);
            if (more)
            {
                _row++;
            }

            return more;
        }

        public override object? GetValue(int ordinal) => rows.Current is null ? null : properties[ordinal].GetValue(rows.Current);

        public override string? RowProblem => rows.Current is null ? "the row is null" : null;

        protected override async ValueTask DisposeAsyncCore()
        {
            await rows.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsyncCore().ConfigureAwait(false);
        }
    }
}
