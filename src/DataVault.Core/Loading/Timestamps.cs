namespace DataVault.Core.Loading;

/// <summary>The loader's timestamps: UTC meaning, kind Unspecified, truncated to microseconds (what every engine stores).</summary>
internal static class Timestamps
{
    /// <summary>Converts Local to UTC, takes Unspecified as UTC, truncates to microseconds.</summary>
    public static DateTime Normalize(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Unspecified);
    }

    /// <summary>The load timestamp of the k-th version (from 0) of a key in a batch: the batch's timestamp + k microseconds.</summary>
    public static DateTime Version(DateTime loadDate, int k) => k == 0 ? loadDate : loadDate.AddTicks(10L * k);
}
