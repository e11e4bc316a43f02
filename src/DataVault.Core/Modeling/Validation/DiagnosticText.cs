using System.Collections;
using System.Globalization;

namespace DataVault.Core.Modeling.Validation;

/// <summary>
/// How the arguments of a <see cref="ModelDiagnosticDescriptor"/>'s formats become text, so that the descriptor table
/// holds every word of a message and the validator passes only names and model objects:
/// <list type="bullet">
/// <item><c>{n:list}</c> — names separated by <c>", "</c>, or <c>none</c> when there is none (<c>Declared hubs: a, b</c>);</item>
/// <item><c>{n:and}</c> — items separated by <c>" and "</c>, each a quoted name (<c>'a' and 'b'</c>) or a quoted
/// declared parent (<c>hub 'a' and link 'b'</c>);</item>
/// <item>a hub or link — its kind and quoted name, <c>hub 'product'</c>; a link's hub reference — <c>hub 'customer'</c>,
/// with <c> as {role}</c> when it has a role;</item>
/// <item>anything else — its invariant-culture text (<see langword="null"/> is empty).</item>
/// </list>
/// </summary>
internal sealed class DiagnosticText : IFormatProvider, ICustomFormatter
{
    private DiagnosticText()
    {
    }

    /// <summary>The formatter <see cref="ModelDiagnosticDescriptor"/> builds every message and fix with.</summary>
    public static DiagnosticText Instance { get; } = new();

    /// <inheritdoc />
    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

    /// <inheritdoc />
    public string Format(string? format, object? arg, IFormatProvider? formatProvider) => (format, arg) switch
    {
        ("list", IEnumerable<string> names) => List(names),
        ("and", IEnumerable items and not string) => string.Join(" and ", items.Cast<object>().Select(Quoted)),
        (_, VaultEntity entity) => Entity(entity),
        (_, LinkHubReference reference) => reference.Role is null ? $"hub '{reference.Hub.Name}'" : $"hub '{reference.Hub.Name}' as {reference.Role}",
        (_, IFormattable formattable) => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => arg?.ToString() ?? string.Empty,
    };

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Quoted(object item) => item switch
    {
        (string kind, string name) => $"{kind} '{name}'",
        VaultEntity entity => Entity(entity),
        _ => $"'{item}'",
    };

    private static string Entity(VaultEntity entity) => $"{(entity is Hub ? "hub" : "link")} '{entity.Name}'";
}
