namespace DataVault.Core.Hashing.Standardization;

/// <summary>
/// Gives the steps of a <see cref="StandardizationPlan"/> their meaning over one kind of value: the C# span path
/// (<see cref="SpanStandardizer"/>) and the SQL writer (<c>HashSqlWriter</c>) each implement it, so a new
/// kind of step is one method here and the compiler points at both implementations. A NULL value stays NULL.
/// </summary>
/// <typeparam name="TValue">The value: a SQL expression, or the length of the text in the span path's buffer.</typeparam>
internal interface IStandardizationInterpreter<TValue>
{
    /// <summary><see cref="StandardizationStepKind.TrimSpaces"/>.</summary>
    TValue TrimSpaces(TValue value);

    /// <summary><see cref="StandardizationStepKind.EmptyToNull"/>.</summary>
    TValue EmptyToNull(TValue value);

    /// <summary><see cref="StandardizationStepKind.Escape"/>.</summary>
    TValue Escape(TValue value, char escapeCharacter, string characters);

    /// <summary><see cref="StandardizationStepKind.Replace"/>.</summary>
    TValue Replace(TValue value, string token, string replacement);

    /// <summary><see cref="StandardizationStepKind.Wrap"/>.</summary>
    TValue Wrap(TValue value, char quote);

    /// <summary><see cref="StandardizationStepKind.Upper"/>.</summary>
    TValue Upper(TValue value);

    /// <summary><see cref="StandardizationStepKind.RemoveCharacters"/>.</summary>
    TValue RemoveCharacters(TValue value, string characters);
}
