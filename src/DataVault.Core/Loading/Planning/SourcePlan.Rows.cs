using System.Globalization;
using DataVault.Core.Hashing.Standardization;
using DataVault.Core.Loading.Stages;
using DataVault.Core.Modeling;

namespace DataVault.Core.Loading.Planning;

/// <summary>Per-row work of a source plan: parse the needed columns, compute derived ones, hash, and stage.</summary>
internal sealed partial class SourcePlan
{
    private readonly List<(VaultEntity Entity, int[] Indexes, object? Key, bool Empty)> _rowKeys = [];
    private readonly Dictionary<string, int> _lookups = new(StringComparer.Ordinal);
    private int _computing = -1;
    private object? _orderValue;
    private string? _rowRecordSource;
    private DateTime? _rowLoadDate;
    private SourceRow? _sourceRow;

    /// <summary>
    /// Parses the current row's needed columns and checks its keys; returns every problem of the row (each bad column
    /// once, in the source's column order, derived columns after, then the keys), or <see langword="null"/> for a good row. A row whose satellite attributes
    /// have an empty parent key (every part NULL or blank, as the hashing standard sees it) is bad: its attributes
    /// would otherwise be lost or become versions of the ghost record.
    /// </summary>
    public IReadOnlyList<RowError>? Parse(SourceReader reader, bool emptyStringIsNull, int recordSourceLength = int.MaxValue)
    {
        _rowRecordSource = null;
        _rowLoadDate = null;
        _reader = reader;
        Array.Clear(_derivedDone);
        _rowKeys.Clear();
        if (reader.RowProblem is { } problem)
        {
            var column = reader.RowProblemColumn;
            var at = column is null ? -1 : IndexOf(reader.Columns, column);
            return [new RowError(column, at < 0 ? null : reader.GetValue(at), problem)];
        }

        List<RowError>? errors = null;
        foreach (var i in _parseOrder)
        {
            var (ordinal, type, name) = _needed[i];
            _parsed[i] = null;
            _failed[i] = true;
            try
            {
                object? raw;
                if (ordinal < _columns.SourceCount)
                {
                    raw = SourceValue(ordinal, emptyStringIsNull);
                }
                else if (ordinal < _columns.Names.Count)
                {
                    raw = Derived(ordinal - _columns.SourceCount);
                }
                else
                {
                    raw = _constants[ordinal - _columns.Names.Count];
                }

                var problemText = ValueConverter.TryConvert(raw, type, out var value);
                if (problemText is not null)
                {
                    AddError(ref errors, new RowError(name, raw, problemText));
                    continue;
                }

                _parsed[i] = value;
                _failed[i] = false;
            }
            catch (RowErrorException error)
            {
                AddError(ref errors, error.Error);
            }
        }

        if (OrderOrdinal >= 0)
        {
            try
            {
                _orderValue = OrderValue();
            }
            catch (RowErrorException error)
            {
                AddError(ref errors, error.Error);
            }
        }

        if (RecordSourceOrdinal >= 0)
        {
            ReadRecordSource(recordSourceLength, ref errors);
        }

        if (LoadDateOrdinal >= 0)
        {
            ReadLoadDate(ref errors);
        }

        CheckSatelliteKeys(ref errors);
        CheckLinkHubKeys(ref errors);
        return errors;
    }

    /// <summary>The row's record source from its column: NULL or empty gives the source's or batch's; too long is a bad row.</summary>
    private void ReadRecordSource(int maxLength, ref List<RowError>? errors)
    {
        var raw = _reader!.GetValue(RecordSourceOrdinal);
        var text = raw is null or DBNull ? null : Convert.ToString(raw, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.Length > maxLength)
        {
            AddError(ref errors, new RowError(_columns.Names[RecordSourceOrdinal], text, LoadMessages.RecordSourceValueTooLong(text.Length, maxLength)));
            return;
        }

        _rowRecordSource = text;
    }

    /// <summary>The row's load date from its column: NULL or empty gives the batch's; a value that is no timestamp is a bad row.</summary>
    private void ReadLoadDate(ref List<RowError>? errors)
    {
        var raw = _reader!.GetValue(LoadDateOrdinal);
        if (raw is null or DBNull || (raw is string text && string.IsNullOrWhiteSpace(text)))
        {
            return;
        }

        var problem = ValueConverter.TryConvert(raw, DataType.Timestamp, out var value);
        if (problem is not null || value is not DateTime stamp)
        {
            AddError(ref errors, new RowError(_columns.Names[LoadDateOrdinal], raw, problem ?? LoadMessages.LoadDateValueInvalid));
            return;
        }

        _rowLoadDate = Timestamps.Normalize(stamp);
    }

    /// <summary>The current row's load date: its own (<see cref="SourceMapping.LoadDateFrom"/>) or the batch's.</summary>
    private DateTime RowLoadDate(BatchState batch) => _rowLoadDate ?? batch.LoadDate;

    /// <summary>Adds a row's problem, once per column (a derived column's failure can surface through several columns).</summary>
    private static void AddError(ref List<RowError>? errors, RowError error)
    {
        errors ??= [];
        if (!errors.Exists(e => e.Column == error.Column))
        {
            errors.Add(error);
        }
    }

    /// <summary>
    /// A link that rejects empty hub keys (<see cref="NullHubKeyPolicy.Reject"/>): a row that feeds it (some key part
    /// present) with one hub's key NULL or blank is bad, named by that key's first column.
    /// </summary>
    private void CheckLinkHubKeys(ref List<RowError>? errors)
    {
        foreach (var feed in _links)
        {
            if (feed.Link.NullHubKeys != NullHubKeyPolicy.Reject || AnyFailed(feed.KeyParts) || EmptyKey(feed.Link, feed.KeyParts, feed.Stage.Schema.Columns[0].Type, out _))
            {
                continue;
            }

            for (var h = 0; h < feed.HubKeys.Length; h++)
            {
                var reference = feed.Link.Hubs[h];
                var hubKeyType = feed.Stage.Schema.Columns[1 + h].Type;
                if (EmptyKey(reference.Hub, feed.HubKeys[h], hubKeyType, out _))
                {
                    var first = feed.HubKeys[h][0];
                    AddError(ref errors, new RowError(
                        _needed[first].Name,
                        _parsed[first],
                        LoadMessages.EmptyHubKey(feed.Link.TableName, reference.HashKeyColumn, feed.HubKeys[h].Select(k => _needed[k].Name))));
                }
            }
        }
    }

    /// <summary>
    /// A satellite row with attributes needs a parent key: when every key part is NULL or blank the row is bad (named
    /// by its first key column), never staged under the zero key and never skipped in silence. Without attributes
    /// there is nothing to lose and the satellite is skipped, as are hubs and links with an empty key.
    /// </summary>
    private void CheckSatelliteKeys(ref List<RowError>? errors)
    {
        foreach (var feed in _satellites)
        {
            if (AnyFailed(feed.ParentKeys) || !EmptyKey(feed.Satellite.Parent, feed.ParentKeys, feed.Stage.Schema.Columns[0].Type, out _) || !HasAttributes(feed))
            {
                continue;
            }

            var first = feed.ParentKeys[0];
            AddError(ref errors, new RowError(
                _needed[first].Name,
                _parsed[first],
                LoadMessages.EmptyParentKey(feed.Satellite.Parent.TableName, feed.ParentKeys.Select(k => _needed[k].Name), feed.Satellite.TableName, feed.Satellite.Parent is Hub { IsReference: true })));
        }

        CheckMultiActiveKeys(ref errors);
    }

    /// <summary>
    /// A multi-active satellite's row needs its multi-active key (part of the table's primary key): a row with the
    /// satellite's attributes and a NULL key column is bad, named by that column.
    /// </summary>
    private void CheckMultiActiveKeys(ref List<RowError>? errors)
    {
        foreach (var feed in _satellites)
        {
            if (feed.MultiActive.Length == 0 || AnyFailed(feed.Attributes) || !HasAttributes(feed))
            {
                continue;
            }

            foreach (var position in feed.MultiActive)
            {
                var index = feed.Attributes[position];
                if (_parsed[index] is null)
                {
                    AddError(ref errors, new RowError(_needed[index].Name, null, LoadMessages.EmptyMultiActiveKey(feed.Satellite.TableName, _needed[index].Name, feed.Satellite.Attributes[position].Name)));
                }
            }
        }
    }

    /// <summary>Whether the row carries a value for the satellite: an attribute that is not NULL for its hash diff, or one that failed to parse.</summary>
    private bool HasAttributes(SatelliteFeed feed)
    {
        if (AnyFailed(feed.Attributes))
        {
            return true;
        }

        var attributes = Values(feed.Attributes);
        if (AllNull(attributes))
        {
            return false;
        }

        ModelHashing.HashDiff(feed.Satellite, attributes, out var allNull);
        return !allNull;
    }

    private bool AnyFailed(int[] indexes)
    {
        foreach (var index in indexes)
        {
            if (_failed[index])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stages the parsed row into every target it feeds; adds targets whose chunk is full to <paramref name="full"/>.</summary>
    public void Stage(BatchState batch, long location, List<TargetStage> full)
    {
        var sourceRow = SourceRow(Index, location);
        foreach (var feed in _hubs)
        {
            if (EmptyKey(feed.Hub, feed.Keys, feed.Stage.Schema.Columns[0].Type, out var key))
            {
                continue;
            }

            if (FirstOrEarlier(feed.Stage, key, batch, sourceRow))
            {
                object?[] keys = feed.Hub.IsReference ? [key] : [key, .. StoredKeys(feed.Hub, Values(feed.Keys))];
                Add(feed.Stage, [.. keys, RowLoadDate(batch), (_rowRecordSource ?? Source.Mapping.RecordSource ?? batch.RecordSource), sourceRow], full);
            }
        }

        foreach (var feed in _links)
        {
            if (EmptyKey(feed.Link, feed.KeyParts, feed.Stage.Schema.Columns[0].Type, out var linkKey))
            {
                continue;
            }

            if (feed.AllKeysRequired && AnyHubKeyEmpty(feed.Link, feed.HubKeys))
            {
                // Declared (RequireAllKeys, NullHubKeyPolicy.Skip), and counted: the batch reports how many rows fed no link row.
                SkippedLinkRows[feed.Link.TableName] = SkippedLinkRows.GetValueOrDefault(feed.Link.TableName) + 1;
                continue;
            }

            var row = new object?[feed.Stage.Schema.Columns.Count];
            row[0] = linkKey;
            if (!FirstOrEarlier(feed.Stage, linkKey, batch, sourceRow))
            {
                continue;
            }

            for (var h = 0; h < feed.HubKeys.Length; h++)
            {
                var hub = feed.Link.Hubs[h].Hub;
                row[1 + h] = EmptyKey(hub, feed.HubKeys[h], feed.Stage.Schema.Columns[1 + h].Type, out var hubKey) ? batch.ZeroKey(hub) : hubKey;
            }

            var next = 1 + feed.HubKeys.Length;
            foreach (var child in feed.ChildKeys)
            {
                row[next++] = _parsed[child];
            }

            row[next++] = RowLoadDate(batch);
            row[next++] = (_rowRecordSource ?? Source.Mapping.RecordSource ?? batch.RecordSource);
            row[next] = sourceRow;
            Add(feed.Stage, row, full);
        }

        StageStatuses(batch, sourceRow, full);
        foreach (var feed in _satellites)
        {
            // An empty parent key is left here only for a row without attributes (Parse made any other a bad row).
            if (EmptyKey(feed.Satellite.Parent, feed.ParentKeys, feed.Stage.Schema.Columns[0].Type, out var key)
                || (feed.RequiredHubKeys is { } required && AnyHubKeyEmpty((Link)feed.Satellite.Parent, required)))
            {
                continue;
            }

            var parentValues = Values(feed.ParentKeys);
            var attributes = Values(feed.Attributes);
            var diff = ModelHashing.HashDiff(feed.Satellite, attributes);
            if (diff is null)
            {
                continue;
            }

            var row = SatelliteRow.Create(key, RowLoadDate(batch), diff, (_rowRecordSource ?? Source.Mapping.RecordSource ?? batch.RecordSource), attributes, sourceRow);
            // A multi-active satellite's rows of one key are members of one set: a row repeats when its multi-active key does.
            var multiActive = feed.MultiActive.Length == 0 ? null : feed.MultiActive.Select(p => attributes[p]).ToArray();
            var identity = multiActive is null ? key : new MultiActiveRowKey(key, multiActive);
            if (OrderOrdinal >= 0 && !feed.Satellite.TracksRecords)
            {
                // (A record-tracking satellite records the load that had the key, not each change: it is not ordered.)
                feed.Stage.AddOrdered(new OrderedSatelliteRow(key, _orderValue!, diff, sourceRow, row));
            }
            else if (LoadDateOrdinal >= 0 && !feed.Satellite.TracksRecords)
            {
                // Each row's own load date orders the key's versions, and is the version's load date.
                feed.Stage.AddOrdered(new OrderedSatelliteRow(key, RowLoadDate(batch), diff, sourceRow, row) { OwnLoadDate = true });
            }
            else if (LoadDateOrdinal >= 0)
            {
                // A record-tracking satellite with load dates per row: a row per key and load date, which the load
                // statement keeps once (the memory of recent keys knows keys, not their load dates).
                Add(feed.Stage, row, full);
            }
            else if (feed.Stage.Recent.Add(identity, diff, sourceRow, out var previous))
            {
                Add(feed.Stage, row, full);
            }
            else if (!StagedValueComparer.Instance.Equals(previous.Diff, diff))
            {
                throw feed.Stage.Conflict(batch, previous.SourceRow, sourceRow, parentValues, multiActive);
            }
        }
    }

    /// <summary>
    /// Whether a hub or link row is staged: the first row of its key in the batch — or, with load dates per row, one
    /// dated earlier than the key's staged rows (the merge keeps the earliest: a key's load date is when it was first seen).
    /// </summary>
    private bool FirstOrEarlier(TargetStage stage, object key, BatchState batch, long sourceRow)
    {
        if (LoadDateOrdinal < 0)
        {
            // At the batch's load date: staged again only when a source with load dates per row staged the key later.
            if (stage.Recent.Add(key, null, sourceRow, out var first))
            {
                return true;
            }

            if (first.Diff is DateTime later && later > batch.LoadDate)
            {
                stage.Recent.Replace(key, null, sourceRow);
                return true;
            }

            return false;
        }

        var loadDate = RowLoadDate(batch);
        if (stage.Recent.Add(key, loadDate, sourceRow, out var seen))
        {
            return true;
        }

        if (loadDate >= (seen.Diff as DateTime? ?? batch.LoadDate))
        {
            return false;
        }

        stage.Recent.Replace(key, loadDate, sourceRow);
        return true;
    }

    /// <summary>Stages the row's key into every status-tracking satellite this source is the full extract of (each key once).</summary>
    private void StageStatuses(BatchState batch, long sourceRow, List<TargetStage> full)
    {
        foreach (var feed in _statuses)
        {
            if (EmptyKey(feed.Satellite.Parent, feed.ParentKeys, feed.Stage.Schema.Columns[0].Type, out var key) || !feed.Stage.Recent.Add(key, null, sourceRow, out _))
            {
                continue;
            }

            Add(feed.Stage, SatelliteRow.Create(key, batch.LoadDate, feed.PresentDiff, _rowRecordSource ?? Source.Mapping.RecordSource ?? batch.RecordSource, [feed.Satellite.FirstStatus], sourceRow), full);
        }

        // A delta of changes: every row is a change at its load date (repeats collapse in the load statement).
        foreach (var feed in _changeFeeds)
        {
            if (EmptyKey(feed.Stage.Satellite.Parent, feed.ParentKeys, feed.Stage.Schema.Columns[0].Type, out var key))
            {
                continue;
            }

            Add(feed.Stage, SatelliteRow.Create(key, RowLoadDate(batch), feed.ActiveDiff, _rowRecordSource ?? Source.Mapping.RecordSource ?? batch.RecordSource, [feed.Stage.Satellite.FirstStatus], sourceRow), full);
        }
    }

    /// <summary>
    /// The business key values a hub row stores (<see cref="Hub.KeyStorage"/>): as delivered; standardised instead; or
    /// as delivered followed by the standardised value of each text key.
    /// </summary>
    private static object?[] StoredKeys(Hub hub, object?[] delivered)
    {
        switch (hub.KeyStorage)
        {
            case StandardizedKeyStorage.Instead:
                var stored = new object?[delivered.Length];
                for (var i = 0; i < delivered.Length; i++)
                {
                    stored[i] = Hub.IsText(hub.BusinessKeys[i]) ? StoredKeyStandardizer.Standardize(hub.HashingStandard, (string?)delivered[i]) : delivered[i];
                }

                return stored;
            case StandardizedKeyStorage.Beside:
                var standardized = new List<object?>(delivered);
                for (var i = 0; i < delivered.Length; i++)
                {
                    if (Hub.IsText(hub.BusinessKeys[i]))
                    {
                        standardized.Add(StoredKeyStandardizer.Standardize(hub.HashingStandard, (string?)delivered[i]));
                    }
                }

                return [.. standardized];
            default:
                return delivered;
        }
    }

    private static void Add(TargetStage stage, object?[] row, List<TargetStage> full)
    {
        if (stage.Add(row) && !full.Contains(stage))
        {
            full.Add(stage);
        }
    }

    /// <summary>
    /// Whether an entity's key is empty for this row — every part NULL, or blank as the hashing standard sees it (empty
    /// after its trim) — else its stored hash key in <paramref name="key"/>. Computed once per row however many targets
    /// need it (the cache is cleared by <see cref="Parse"/>).
    /// </summary>
    private bool EmptyKey(VaultEntity entity, int[] indexes, DataType columnType, out object key)
    {
        foreach (var (e, i, k, empty) in _rowKeys)
        {
            if (ReferenceEquals(e, entity) && i.AsSpan().SequenceEqual(indexes))
            {
                key = k!;
                return empty;
            }
        }

        var values = Values(indexes);
        object? stored = null;
        var allNull = true;
        if (entity is Hub { IsReference: true })
        {
            // A reference hub's key is its code as delivered (after the mapping's cleaning): empty when NULL or blank.
            stored = values[0];
            allNull = stored is null || (stored is string code && string.IsNullOrWhiteSpace(code));
        }
        else if (!AllNull(values))
        {
            stored = StoreKey(ModelHashing.HashKey(entity, values, out allNull), columnType);
        }

        _rowKeys.Add((entity, indexes, allNull ? null : stored, allNull));
        key = stored!;
        return allNull;
    }

    /// <summary>Whether one of a link's hub references is empty (for links whose every key is required).</summary>
    private bool AnyHubKeyEmpty(Link link, int[][] hubKeys)
    {
        for (var h = 0; h < hubKeys.Length; h++)
        {
            var hub = link.Hubs[h].Hub;
            if (EmptyKey(hub, hubKeys[h], _hubs.First(f => ReferenceEquals(f.Hub, hub)).Stage.Schema.Columns[0].Type, out _))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>The row's order value; with a tie-break column, the pair of both (<see cref="OrderKey"/>).</summary>
    private object OrderValue()
    {
        var primary = OrderPart(OrderOrdinal, LoadMessages.OrderValueEmpty);
        return TieBreakOrdinal < 0 ? primary : new OrderKey(primary, OrderPart(TieBreakOrdinal, LoadMessages.TieBreakValueEmpty));
    }

    private object OrderPart(int ordinal, string emptyProblem)
    {
        var raw = _reader!.GetValue(ordinal);
        return raw switch
        {
            null => throw new RowErrorException(new RowError(_columns.Names[ordinal], null, emptyProblem)),
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

    /// <summary>A source column's value as delivered, cleaned (<see cref="SourceMapping.Clean(string, TextCleaning)"/>) when it is text.</summary>
    private object? SourceValue(int ordinal, bool emptyStringIsNull)
    {
        var raw = _reader!.GetValue(ordinal);
        if (raw is string text && _cleaning[ordinal] is { } cleaning)
        {
            try
            {
                raw = cleaning.Apply(text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new RowErrorException(new RowError(_columns.Names[ordinal], text, LoadMessages.CleaningFailed(ex.Message)));
            }
        }

        return emptyStringIsNull && raw is string { Length: 0 } ? null : raw;
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

        var raw = SourceValue(ordinal, emptyStringIsNull: true);
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
