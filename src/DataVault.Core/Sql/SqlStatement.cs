namespace DataVault.Core.Sql;

/// <summary>A SQL statement kept apart from its parameter values: data never enters <see cref="Text"/>.</summary>
/// <param name="Text">The SQL text, with parameter placeholders in the dialect's style.</param>
/// <param name="Parameters">The parameter values, by name (without the placeholder prefix).</param>
public sealed record SqlStatement(string Text, IReadOnlyList<SqlParameterValue> Parameters)
{
    /// <summary>A statement without parameters.</summary>
    /// <param name="text">The SQL text.</param>
    /// <returns>The statement.</returns>
    public static SqlStatement Of(string text) => new(text, []);

    /// <summary>The parameters as a dictionary (name → value), the shape Dapper accepts as its parameter object.</summary>
    /// <returns>A new dictionary.</returns>
    public Dictionary<string, object?> ParameterDictionary() => Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>The SQL text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
