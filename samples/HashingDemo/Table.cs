using System.Text;

namespace HashingDemo;

/// <summary>Prints left-aligned text columns.</summary>
internal static class Table
{
    public static void Print(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var widths = new int[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            widths[i] = header[i].Length;
            foreach (var row in rows)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        Console.WriteLine(Line(header, widths));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }

        return line.ToString();
    }
}
