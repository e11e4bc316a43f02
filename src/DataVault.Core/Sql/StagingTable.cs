using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>
/// A staging table for one target (a hub, link or satellite): the target's columns, filled with rows whose hash keys
/// and diffs the C# engine computed, from which one set-based statement loads the target.
/// </summary>
/// <param name="Name">The table name (a safe identifier).</param>
/// <param name="Temporary">Whether it is a temporary table (dropped at the end of the session).</param>
public sealed record StagingTable(string Name, bool Temporary = false)
{
    /// <summary>The conventional staging table of a target: <c>stg_</c> + the target's table name.</summary>
    /// <param name="tableName">The target's table name.</param>
    /// <param name="temporary">Whether it is temporary.</param>
    /// <returns>The staging table.</returns>
    public static StagingTable For(string tableName, bool temporary = false) => new("stg_" + tableName, temporary);
}
