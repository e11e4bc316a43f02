using System.Globalization;
using DataVault.Core.Loading.Stages;
using DataVault.Core.Modeling;

namespace DataVault.Core.Loading.Planning;

/// <summary>Per-row work of a source plan: parse the needed columns, compute derived ones, hash, and stage.</summary>
internal sealed partial class SourcePlan
{
    private readonly List<(VaultEntity Entity, int[] Indexes, object Key)> _rowKeys = [];
    private readonly Dictionary<string, int> _lookups = new(StringComparer.Ordinal);
    private int _computing = -1;
    private object? _orderValue;
    private SourceRow? _sourceRow;

    /// <summary>Parses the current row's needed columns; returns why the row is bad, or <see langword="null"/>.</summary>
    public RowError? Parse(SourceReader reader, bool emptyStringIsNull)
    {
        _reader = reader;
        Array.Clear(_derivedDone);
        if (reader.RowProblem is { } problem)
        {
            var column = reader.RowProblemColumn;
            var at = column is null ? -1 : IndexOf(reader.Columns, column);
            return new RowError(column, at < 0 ? null : reader.GetValue(at), problem);
        }

        try
        {
            for (var i = 0; i < _needed.Count; i++)
            {
                var (ordinal, type, name) = _needed[i];
                object? raw;
                if (ordinal < _columns.SourceCount)
                {
                    raw = reader.GetValue(ordinal);
                    if (emptyStringIsNull && raw is string { Length: 0 })
                    {
                        raw = null;
                    }
                }
                else
                {
                    raw = Derived(ordinal - _columns.SourceCount);
                }

                var problemText = ValueConverter.TryConvert(raw, type, out var value);
                if (problemText is not null)
                {
                    return new RowError(name, raw, problemText);
                }

                _parsed[i] = value;
            }

            if (OrderOrdinal >= 0)
            {
                _orderValue = OrderValue();
            }
        }
        catch (RowErrorException error)
        {
            return error.Error;
        }

        return null;
    }

    /// <summary>Stages the parsed row into every target it feeds; adds targets whose chunk is full to <paramref name="full"/>.</summary>
    public void Stage(BatchState batch, long location, List<TargetStage> full)
    {
        var sourceRow = SourceRow(Index, location);
        _rowKeys.Clear();
        foreach (var feed in _hubs)
        {
            var values = Values(feed.Keys);
            if (AllNull(values))
            {
                continue;
            }

            var key = RowKey(feed.Hub, feed.Keys, values, feed.Stage.Schema.Columns[0].Type);
            if (feed.Stage.Recent.Add(key, null, sourceRow, out _))
            {
                Add(feed.Stage, [key, .. values, batch.LoadDate, batch.RecordSource, sourceRow], full);
            }
        }

        foreach (var feed in _links)
        {
            var parts = Values(feed.KeyParts);
            if (AllNull(parts) || (feed.AllKeysRequired && feed.HubKeys.Any(keys => AllNull(Values(keys)))))
            {
                continue;
            }

            var row = new object?[feed.Stage.Schema.Columns.Count];
            row[0] = RowKey(feed.Link, feed.KeyParts, parts, feed.Stage.Schema.Columns[0].Type);
            if (!feed.Stage.Recent.Add(row[0]!, null, sourceRow, out _))
            {
                continue;
            }

            for (var h = 0; h < feed.HubKeys.Length; h++)
            {
                var hub = feed.Link.Hubs[h].Hub;
                var values = Values(feed.HubKeys[h]);
                row[1 + h] = AllNull(values) ? batch.ZeroKey(hub) : RowKey(hub, feed.HubKeys[h], values, feed.Stage.Schema.Columns[1 + h].Type);
            }

            var next = 1 + feed.HubKeys.Length;
            foreach (var child in feed.ChildKeys)
            {
                row[next++] = _parsed[child];
            }

            row[next++] = batch.LoadDate;
            row[next++] = batch.RecordSource;
            row[next] = sourceRow;
            Add(feed.Stage, row, full);
        }

        foreach (var feed in _satellites)
        {
            var parentValues = Values(feed.ParentKeys);
            if (AllNull(parentValues) || (feed.RequiredHubKeys is { } required && required.Any(keys => AllNull(Values(keys)))))
            {
                continue;
            }

            var key = RowKey(feed.Satellite.Parent, feed.ParentKeys, parentValues, feed.Stage.Schema.Columns[0].Type);
            var attributes = Values(feed.Attributes);
            var diff = ModelHashing.HashDiff(feed.Satellite, attributes);
            if (diff is null)
            {
                continue;
            }

            var row = SatelliteRow.Create(key, batch.LoadDate, diff, batch.RecordSource, attributes, sourceRow);
            if (OrderOrdinal >= 0)
            {
                feed.Stage.AddOrdered(new OrderedSatelliteRow(key, _orderValue!, diff, sourceRow, row));
            }
            else if (feed.Stage.Recent.Add(key, diff, sourceRow, out var previous))
            {
                Add(feed.Stage, row, full);
            }
            else if (!StagedValueComparer.Instance.Equals(previous.Diff, diff))
            {
                throw feed.Stage.Conflict(batch, previous.SourceRow, sourceRow, parentValues);
            }
        }
    }

    private static void Add(TargetStage stage, object?[] row, List<TargetStage> full)
    {
        if (stage.Add(row) && !full.Contains(stage))
        {
            full.Add(stage);
        }
    }

    /// <summary>The stored hash key of an entity for this row, computed once per row however many targets need it.</summary>
    private object RowKey(VaultEntity entity, int[] indexes, object?[] values, DataType columnType)
    {
        foreach (var (e, i, k) in _rowKeys)
        {
            if (ReferenceEquals(e, entity) && i.AsSpan().SequenceEqual(indexes))
            {
                return k;
            }
        }

        var key = StoreKey(ModelHashing.HashKey(entity, values), columnType)!;
        _rowKeys.Add((entity, indexes, key));
        return key;
    }

    private static object? StoreKey(object? hash, DataType columnType) =>
        hash is byte[] bytes && columnType.Kind == DataTypeKind.Guid ? new Guid(bytes, bigEndian: true) : hash;

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool AllNull(object?[] values)
    {
        foreach (var value in values)
        {
            if (value is not null)
            {
                return false;
            }
        }

        return true;
    }

    private object?[] Values(int[] indexes)
    {
        var values = new object?[indexes.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            values[i] = _parsed[indexes[i]];
        }

        return values;
    }

    private object OrderValue()
    {
        var raw = _reader!.GetValue(OrderOrdinal);
        return raw switch
        {
            null => throw new RowErrorException(new RowError(_columns.Names[OrderOrdinal], null, LoadMessages.OrderValueEmpty)),
            string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
            string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp) => stamp,
            int number => (long)number,
            DateTimeOffset offset => offset.UtcDateTime,
            _ => raw,
        };
    }

    private object? Derived(int index)
    {
        if (_derivedDone[index])
        {
            return _derivedValues[index];
        }

        var derived = _derived[index];
        if (_computing == index)
        {
            throw new RowErrorException(new RowError(derived.Name, null, LoadMessages.DerivedRefersToItself));
        }

        var outer = _computing;
        _computing = index;
        try
        {
            var raw = derived.Compute(_sourceRow ??= new SourceRow(Lookup));
            var problem = ValueConverter.TryConvert(raw, derived.Type, out var value);
            if (problem is not null)
            {
                throw new RowErrorException(new RowError(derived.Name, raw, LoadMessages.DerivedValueProblem(problem)));
            }

            _derivedValues[index] = value;
            _derivedDone[index] = true;
            return value;
        }
        catch (Exception ex) when (ex is not RowErrorException and not OperationCanceledException)
        {
            throw new RowErrorException(new RowError(derived.Name, null, LoadMessages.DerivedFailed(ex.Message)));
        }
        finally
        {
            _computing = outer;
        }
    }

    private object? Lookup(string column)
    {
        if (!_lookups.TryGetValue(column, out var ordinal))
        {
            ordinal = _columns.FindSourceColumn(column);
            if (ordinal < 0)
            {
                ordinal = _columns.Find(column);
            }

            _lookups[column] = ordinal;
        }

        if (ordinal < 0)
        {
            throw new KeyNotFoundException(LoadMessages.LookupMissingColumn(Source.Name, column, _columns.Names));
        }

        if (ordinal >= _columns.SourceCount)
        {
            return Derived(ordinal - _columns.SourceCount);
        }

        var raw = _reader!.GetValue(ordinal);
        if (raw is string { Length: 0 })
        {
            raw = null;
        }

        if (!_modelTypes.TryGetValue(column, out var type))
        {
            return raw;
        }

        var problem = ValueConverter.TryConvert(raw, type, out var value);
        return problem is null ? value : throw new RowErrorException(new RowError(_columns.Names[ordinal], raw, problem));
    }

    /// <summary>Carries a row error out of a derived column's computation.</summary>
    private sealed class RowErrorException(RowError error) : Exception(error.Problem)
    {
        public RowError Error { get; } = error;
    }
}
