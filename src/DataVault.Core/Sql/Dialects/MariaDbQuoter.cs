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
        void FlushRun()
        {
            if (run.Length > 0)
            {
                pieces.Add("'" + run.ToString().Replace("'", "''", StringComparison.Ordinal) + "'");
                run.Clear();
            }
        }

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

            FlushRun();
            var length = rune.EncodeToUtf8(utf8);
            var code = 0L;
            foreach (var b in utf8[..length])
            {
                code = (code << 8) | b;
            }

            pieces.Add(string.Create(CultureInfo.InvariantCulture, $"CHAR({code} USING utf8mb4)"));
        }

        FlushRun();
        return pieces.Count switch
        {
            0 => "''",
            1 => pieces[0],
            _ => "CONCAT(" + string.Join(", ", pieces) + ")",
        };
    }
}
