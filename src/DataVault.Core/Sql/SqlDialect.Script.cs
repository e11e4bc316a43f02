using System.Globalization;

namespace DataVault.Core.Sql;

/// <summary>Statements as a script to hand to a DBA: parameters written as literals, with the engine's separators.</summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// Writes statements as one script: each parameter becomes a literal of this dialect (<see cref="Literal"/>), each
    /// statement ends with <c>;</c> or, where <see cref="DialectCapabilities.ScriptBatchSeparator"/> is set, a separator
    /// line. For DDL and the constants that go with it (ghost records); data is loaded with parameters, never scripts.
    /// </summary>
    /// <param name="statements">The statements.</param>
    /// <returns>The script.</returns>
    /// <exception cref="NotSupportedException">A parameter's value has no literal form here.</exception>
    public SqlScript Script(IEnumerable<SqlStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return new SqlScript(Name, [.. statements.Select(Inline)], Capabilities.ScriptBatchSeparator);
    }

    /// <summary>
    /// A value as a literal of this dialect, for scripts: NULL, text (through <see cref="SqlQuoter.StringLiteral"/>),
    /// integers, decimals, booleans, timestamps (<see cref="TimestampLiteral"/>), dates, bytes (<see cref="BinaryLiteral"/>),
    /// GUIDs as text.
    /// </summary>
    /// <param name="value">The value, as it would be bound (after <see cref="ToDbValue"/>).</param>
    /// <returns>The literal.</returns>
    /// <exception cref="NotSupportedException">The value's type has no literal form here.</exception>
    public string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => Quoter.StringLiteral(s),
        bool b => BooleanLiteral(b),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => TimestampLiteral(t),
        DateOnly d => Quoter.StringLiteral(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        byte[] bytes => BinaryLiteral(bytes),
        Guid g => Quoter.StringLiteral(g.ToString("D", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"A {value.GetType().Name} parameter has no literal form in a {Name} script."),
    };

    /// <summary>A timestamp literal (default <c>TIMESTAMP 'yyyy-MM-dd HH:mm:ss.ffffff'</c>).</summary>
    /// <param name="value">The timestamp.</param>
    /// <returns>The literal.</returns>
    protected virtual string TimestampLiteral(DateTime value) =>
        "TIMESTAMP " + Quoter.StringLiteral(value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));

    /// <summary>A binary literal (default <c>X'00ff…'</c>).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The literal.</returns>
    protected virtual string BinaryLiteral(byte[] value) => "X'" + Convert.ToHexString(value) + "'";

    /// <summary>A boolean literal (default <c>TRUE</c>/<c>FALSE</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    protected virtual string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    /// <summary>The statement's text with each placeholder replaced by its parameter's literal (longest names first, so <c>@p1</c> never eats <c>@p10</c>).</summary>
    private string Inline(SqlStatement statement)
    {
        var text = statement.Text;
        foreach (var parameter in statement.Parameters.OrderByDescending(p => p.Name.Length))
        {
            text = text.Replace(ParameterPlaceholder(parameter.Name), Literal(parameter.Value), StringComparison.Ordinal);
        }

        return text;
    }
}
