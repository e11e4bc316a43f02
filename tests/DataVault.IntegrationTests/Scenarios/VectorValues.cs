using System.Globalization;
using DataVault.Core.Modeling;
using DataVault.Core.Tests.Vectors;

namespace DataVault.IntegrationTests.Scenarios;

/// <summary>A vector part as a typed column of a test table, and the CLR value to bind for it.</summary>
public static class VectorValues
{
    public static DataType TypeOf(HashVectorPart part) => part.Type switch
    {
        HashVectorPart.TypeString or HashVectorPart.TypeNull => DataType.Text,
        HashVectorPart.TypeInteger => DataType.BigInt,
        HashVectorPart.TypeDecimal => DataType.Decimal(part.Precision!.Value, part.Scale!.Value),
        HashVectorPart.TypeDate => DataType.Date,
        HashVectorPart.TypeTime => DataType.Time,
        // A timestamp with offset is converted to UTC on the client (the canonical rule) and stored without zone.
        HashVectorPart.TypeTimestamp or HashVectorPart.TypeTimestampTz => DataType.Timestamp,
        HashVectorPart.TypeBoolean => DataType.Boolean,
        HashVectorPart.TypeGuid => DataType.Guid,
        HashVectorPart.TypeBinary => DataType.Binary(),
        _ => throw new InvalidDataException("unknown part type " + part.Type),
    };

    public static object? ValueOf(HashVectorPart part)
    {
        if (part.IsNull)
        {
            return null;
        }

        var v = part.Text()!;
        var invariant = CultureInfo.InvariantCulture;
        return part.Type switch
        {
            HashVectorPart.TypeString => v,
            HashVectorPart.TypeInteger => long.Parse(v, invariant),
            HashVectorPart.TypeDecimal => decimal.Parse(v, NumberStyles.Float, invariant),
            HashVectorPart.TypeDate => DateOnly.ParseExact(v, "yyyy-MM-dd", invariant),
            // Engines keep microseconds: the value is truncated to them first, as the canonical text truncates.
            HashVectorPart.TypeTime => TruncateToMicroseconds(TimeOnly.Parse(v, invariant)),
            HashVectorPart.TypeTimestamp => TruncateToMicroseconds(DateTime.Parse(v, invariant, DateTimeStyles.None)),
            HashVectorPart.TypeTimestampTz => TruncateToMicroseconds(DateTimeOffset.Parse(v, invariant).UtcDateTime),
            HashVectorPart.TypeBoolean => bool.Parse(v),
            HashVectorPart.TypeGuid => Guid.Parse(v),
            HashVectorPart.TypeBinary => Convert.FromHexString(v),
            _ => throw new InvalidDataException("unknown part type " + part.Type),
        };
    }

    public static DateTime TruncateToMicroseconds(DateTime value) => new(value.Ticks - (value.Ticks % 10), DateTimeKind.Unspecified);

    public static TimeOnly TruncateToMicroseconds(TimeOnly value) => new(value.Ticks - (value.Ticks % 10));
}
