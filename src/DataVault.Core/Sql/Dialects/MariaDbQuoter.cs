using System.Globalization;
using System.Text;

namespace DataVault.Core.Sql.Dialects;

/// <summary>
/// Writes a constant of the hashing standard so that it means the same whatever the session's <c>sql_mode</c> and
/// character set: printable ASCII as a quoted literal (quotes doubled), every backslash as <c>CHAR(92 USING utf8mb4)</c>
/// (a backslash inside a literal is an escape unless <c>NO_BACKSLASH_ESCAPES</c>), every non-ASCII character as
/// <c>CHAR(n USING utf8mb4)</c> of its UTF-8 bytes, joined with <c>CONCAT</c>.
/// </summary>
internal sealed class MariaDbQuoter : SqlQuoter
{
    public override string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var pieces = new List<string>();
        var run = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                throw ControlCharacterInLiteral(rune.Value, nameof(value));
            }

            if (rune.Value is < 0x80 and not 0x5C)
            {
                run.Append((char)rune.Value);
                continue;
            }

            FlushRun(pieces, run);
            var code = 0L;
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                code = (code << 8) | b;
            }

            pieces.Add(string.Format(CultureInfo.InvariantCulture, CharacterFunction, code));
        }

        FlushRun(pieces, run);
        return pieces.Count switch { 0 => "''", 1 => pieces[0], _ => "CONCAT(" + string.Join(", ", pieces) + ")" };
    }

    private static void FlushRun(List<string> pieces, StringBuilder run)
    {
        if (run.Length > 0)
        {
            pieces.Add("'" + run.Replace("'", "''").ToString() + "'");
            run.Clear();
        }
    }
}
