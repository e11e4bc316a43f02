using System.Text;
using System.Text.RegularExpressions;

namespace DataVault.Core.Modeling;

/// <summary>
/// The identifier rule of the model: names are lower-case ASCII letters, digits and underscores, starting with a
/// letter or underscore (<c>^[a-z_][a-z0-9_]*$</c>). Anything else is rejected, never escaped into SQL; the dialects
/// still quote every identifier they write.
/// </summary>
public static partial class Identifiers
{
    /// <summary>The length limit used when no target dialect is given: PostgreSQL's 63 bytes, the smallest of the supported engines.</summary>
    public const int PortableMaxLength = 63;

    /// <summary>Whether <paramref name="name"/> is a safe identifier.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> if it matches the rule.</returns>
    public static bool IsSafe(string? name) => name is not null && SafePattern().IsMatch(name);

    /// <summary>The length of an identifier in UTF-8 bytes, as engines count it.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The byte count.</returns>
    public static int ByteLength(string name) => Encoding.UTF8.GetByteCount(name);

    /// <summary>
    /// Whether a column name is reserved by the SQL writers for the columns they add: <c>is_current</c> (satellite
    /// views) and every name starting with <c>dv_</c> (window and helper columns of the load statements).
    /// </summary>
    /// <param name="name">The column name.</param>
    /// <returns><see langword="true"/> if the model must not use it.</returns>
    public static bool IsReservedByWriters(string name) =>
        name is not null && (name.Equals("is_current", StringComparison.OrdinalIgnoreCase) || name.StartsWith("dv_", StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws when <paramref name="name"/> is not a safe identifier.</summary>
    /// <param name="name">The name.</param>
    /// <param name="paramName">The parameter that holds it.</param>
    /// <exception cref="ArgumentException">The name is unsafe.</exception>
    public static void EnsureSafe(string? name, string paramName)
    {
        if (!IsSafe(name))
        {
            throw new ArgumentException($"'{name}' is not a safe identifier: use lower-case ASCII letters, digits and underscores, starting with a letter or underscore.", paramName);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePattern();
}
