namespace DataVault.Benchmarks.Loading;

/// <summary><c>--name value</c> options and <c>--flag</c> flags; repeated names keep every value.</summary>
internal sealed class LoadArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private static readonly HashSet<string> FlagNames = new(StringComparer.Ordinal) { "incremental", "verbose", "raw-multirow" };

    public static LoadArguments Parse(string[] args)
    {
        var parsed = new LoadArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            if (FlagNames.Contains(name))
            {
                parsed._flags.Add(name);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"--{name} needs a value");
            }

            if (!parsed._values.TryGetValue(name, out var list))
            {
                parsed._values[name] = list = [];
            }

            list.Add(args[++i]);
        }

        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public string Required(string name) => Value(name) ?? throw new ArgumentException($"--{name} is required");

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public IEnumerable<string> Names => _values.Keys.Concat(_flags);
}
