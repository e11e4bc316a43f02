using DataVault.Core.Sqlite;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Dialects;

/// <summary>SQLite's primitives: canonical text, upper-casing and hashing by the C# engine (<see cref="SqliteHashFunctions"/>); dates as text.</summary>
internal sealed class SqlitePrimitives : SqlPrimitives
{
    public override string CanonicalText(string expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"{SqliteHashFunctions.Canonical}({expression}, {Quoter.StringLiteral(type.ToString())})";
    }

    public override string Upper(string expression) => $"{SqliteHashFunctions.Upper}({expression})";

    public override string HashHex(HashAlgorithmKind algorithm, string input) =>
        $"{SqliteHashFunctions.HashHex}({Quoter.StringLiteral(algorithm.ToString())}, {input})";

    public override string HexToBinary(string hex) => $"unhex({hex})";

    /// <summary>A date parameter as it is: dates are <c>yyyy-MM-dd</c> text (a <c>CAST(… AS DATE)</c> would make it a number).</summary>
    public override string DateParameter(string placeholder) => placeholder;

    /// <summary>
    /// <c>date(x, '+1 day')</c>: the next date as <c>yyyy-MM-dd</c> text, which compares with the <c>yyyy-MM-dd HH:mm:ss…</c>
    /// text of load dates as midnight does: every timestamp of that day or later sorts at or after it.
    /// </summary>
    public override string NextDay(string expression) => $"date({expression}, {Quoter.StringLiteral("+1 day")})";
}
