// The loader of the hash vector files (tests/vectors/*.json, format described in tests/vectors/README.md).
// Self-contained on purpose: another test project may compile this same file
// (<Compile Include="../DataVault.Core.Tests/Vectors/HashVectorFile.cs" Link="Vectors/HashVectorFile.cs" />);
// it needs only DataVault.Core and System.Text.Json.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataVault.Core.Hashing;

namespace DataVault.Core.Tests.Vectors;

/// <summary>One vector file: the cases of one hashing standard, computed by the independent reference generator.</summary>
public sealed record HashVectorFile
{
    /// <summary>The only format this loader reads.</summary>
    public const string SupportedFormat = "datavault-hash-vectors/1";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The format marker, <see cref="SupportedFormat"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The id of the standard, for <see cref="HashingStandards.Get(string)"/>, e.g. <c>dv2-default-v1</c>.</summary>
    public required string Standard { get; init; }

    /// <summary>The rules in one line, for people.</summary>
    public string? Description { get; init; }

    /// <summary>What wrote the file.</summary>
    public string? Generator { get; init; }

    /// <summary>
    /// How the standard stores a hash: <c>lower-hex</c> (also when absent), <c>upper-hex</c> or <c>binary</c> (the raw
    /// digest bytes). The digests in the file are lower-case hex whatever the form; use <see cref="HashOutputForm"/>.
    /// </summary>
    public string? OutputForm { get; init; }

    /// <summary><see cref="OutputForm"/> as the engine's enumeration.</summary>
    [JsonIgnore]
    public HashOutputForm HashOutputForm => OutputForm switch
    {
        null or "lower-hex" => HashOutputForm.LowerHex,
        "upper-hex" => HashOutputForm.UpperHex,
        "binary" => HashOutputForm.Binary,
        _ => throw new InvalidDataException($"Output form '{OutputForm}' is not 'lower-hex', 'upper-hex' or 'binary'."),
    };

    /// <summary>The cases, sorted by name.</summary>
    public required IReadOnlyList<HashVectorCase> Cases { get; init; }

    /// <summary>The folder the test project copies the files to: <c>vectors/</c> next to the test assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "vectors");

    /// <summary>Reads and checks a file's text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <returns>The file.</returns>
    /// <exception cref="InvalidDataException">The text is not a valid vector file.</exception>
    public static HashVectorFile Parse(string json, string source = "(text)")
    {
        HashVectorFile? file;
        try
        {
            file = JsonSerializer.Deserialize<HashVectorFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a valid hash vector file: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{source}: the file is JSON null.");
        }

        file.Validate(source);
        return file;
    }

    /// <summary>Reads and checks one file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The file.</returns>
    public static HashVectorFile Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Reads every <c>*.json</c> file of a folder, in file-name order.</summary>
    /// <param name="directory">The folder; by default <see cref="DefaultDirectory"/>.</param>
    /// <returns>The files; empty if the folder does not exist or holds none.</returns>
    public static IReadOnlyList<HashVectorFile> LoadDirectory(string? directory = null)
    {
        directory ??= DefaultDirectory;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.GetFiles(directory, "*.json").OrderBy(p => p, StringComparer.Ordinal).Select(Load)];
    }

    private void Validate(string source)
    {
        if (Format != SupportedFormat)
        {
            throw new InvalidDataException($"{source}: format '{Format}' is not '{SupportedFormat}'.");
        }

        try
        {
            _ = HashOutputForm;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vector in Cases)
        {
            if (!names.Add(vector.Name))
            {
                throw new InvalidDataException($"{source}: the case name '{vector.Name}' occurs twice.");
            }

            vector.Validate(source);
        }
    }
}

/// <summary>One case: typed parts, the exact input they standardise to, and its digests.</summary>
public sealed record HashVectorCase
{
    /// <summary>A unique, path-like name, e.g. <c>escape/pipe-end-of-first/key</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>key</c> or <c>diff</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>What the case checks, for people.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The values in declared order. When the parts carry column names (<see cref="HashVectorPart.Column"/>, diffs
    /// only), they are hashed in the standard's order of those names (<see cref="PartsInHashingOrder"/>).
    /// </summary>
    public required IReadOnlyList<HashVectorPart> Parts { get; init; }

    /// <summary>
    /// The exact text that is hashed; <see langword="null"/> for a zero key, or when the text is long and given as
    /// <see cref="InputSegments"/>. Use <see cref="ExpectedInput"/>, which handles both.
    /// </summary>
    public string? Input { get; init; }

    /// <summary>A long input in run-length form: the concatenation of each segment's value repeated.</summary>
    public IReadOnlyList<HashVectorSegment>? InputSegments { get; init; }

    /// <summary>The UTF-8 bytes of <see cref="Input"/> as lower-case hex (present whenever <see cref="Input"/> is).</summary>
    public string? InputUtf8Hex { get; init; }

    /// <summary>The number of UTF-8 bytes of the input (absent for a zero key).</summary>
    public int? InputUtf8Length { get; init; }

    /// <summary>
    /// Whether the result is the zero key (every part NULL, under a standard whose all-NULL rule for the purpose is
    /// the zero hash; a key, or a diff for some standards): no input is hashed and every digest is all zeros.
    /// </summary>
    public required bool ZeroKey { get; init; }

    /// <summary>
    /// Whether the result is no hash at all, SQL NULL (every part NULL, under a standard whose all-NULL rule for the
    /// purpose is NULL): no input, and every digest is <see langword="null"/>. Absent means <see langword="false"/>.
    /// </summary>
    public bool NullResult { get; init; }

    /// <summary>The MD5 digest, lower-case hex; <see langword="null"/> for a <see cref="NullResult"/>.</summary>
    public required string? Md5 { get; init; }

    /// <summary>The SHA-1 digest, lower-case hex; <see langword="null"/> for a <see cref="NullResult"/>.</summary>
    public required string? Sha1 { get; init; }

    /// <summary>The SHA-256 digest, lower-case hex; <see langword="null"/> for a <see cref="NullResult"/>.</summary>
    public required string? Sha256 { get; init; }

    /// <summary>Whether the case is a hash key or a hash diff.</summary>
    [JsonIgnore]
    public HashPurpose HashPurpose => Purpose switch
    {
        "key" => HashPurpose.Key,
        "diff" => HashPurpose.Diff,
        _ => throw new InvalidDataException($"Case '{Name}': purpose '{Purpose}' is neither 'key' nor 'diff'."),
    };

    /// <summary>The expected digest of <paramref name="algorithm"/> from the file (not available for xxHash128).</summary>
    /// <param name="algorithm">MD5, SHA-1 or SHA-256.</param>
    /// <returns>Lower-case hex; <see langword="null"/> for a <see cref="NullResult"/>.</returns>
    public string? ExpectedHex(HashAlgorithmKind algorithm) => algorithm switch
    {
        HashAlgorithmKind.Md5 => Md5,
        HashAlgorithmKind.Sha1 => Sha1,
        HashAlgorithmKind.Sha256 => Sha256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "The vector files hold MD5, SHA-1 and SHA-256 digests only."),
    };

    /// <summary>The exact text that is hashed, expanded from <see cref="Input"/> or <see cref="InputSegments"/>; <see langword="null"/> for a zero key or a NULL result.</summary>
    /// <returns>The text.</returns>
    public string? ExpectedInput()
    {
        if (Input is not null)
        {
            return Input;
        }

        if (InputSegments is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var segment in InputSegments)
        {
            text.Insert(text.Length, segment.Value, segment.Repeat ?? 1);
        }

        return text.ToString();
    }

    /// <summary>The UTF-8 bytes that are hashed; <see langword="null"/> for a zero key or a NULL result.</summary>
    /// <returns>The bytes.</returns>
    public byte[]? ExpectedInputUtf8() => ExpectedInput() is { } text ? Encoding.UTF8.GetBytes(text) : null;

    /// <summary>Whether the parts carry column names (then every part does, and the case is a diff).</summary>
    [JsonIgnore]
    public bool HasColumns => Parts.Count > 0 && Parts[0].Column is not null;

    /// <summary>
    /// The parts in the order <paramref name="standard"/> hashes them: with column names, the order of
    /// <see cref="HashingStandard.OrderDiffColumns"/> (e.g. sorted by name); without, the declared order.
    /// </summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The parts.</returns>
    public IReadOnlyList<HashVectorPart> PartsInHashingOrder(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (!HasColumns)
        {
            return Parts;
        }

        return [.. standard.OrderDiffColumns([.. Parts.Select(p => p.Column!)]).Select(i => Parts[i])];
    }

    /// <summary>Appends every part, typed, in <paramref name="standard"/>'s hashing order (<see cref="PartsInHashingOrder"/>).</summary>
    /// <param name="row">The row to fill.</param>
    /// <param name="standard">The standard of the row's hasher.</param>
    public void AppendTo(ref HashRowWriter row, HashingStandard standard)
    {
        foreach (var part in PartsInHashingOrder(standard))
        {
            part.AppendTo(ref row);
        }
    }

    /// <summary>Starts a row of the case's purpose on <paramref name="hasher"/> and appends every part. Dispose it.</summary>
    /// <param name="hasher">The hasher.</param>
    /// <param name="buffer">Scratch space for the writer (may be empty).</param>
    /// <returns>The filled row.</returns>
    public HashRowWriter CreateWriter(DataVaultHasher hasher, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var row = hasher.CreateWriter(HashPurpose, buffer);
        AppendTo(ref row, hasher.Standard);
        return row;
    }

    /// <summary>
    /// The parts as strings in <paramref name="standard"/>'s hashing order, when every part is a string or NULL (for
    /// the string API of <see cref="DataVaultHasher"/>).
    /// </summary>
    /// <param name="standard">The standard.</param>
    /// <returns>The strings, or <see langword="null"/> if some part has another type.</returns>
    public string?[]? StringParts(HashingStandard standard) =>
        Parts.All(p => p.Type is HashVectorPart.TypeString or HashVectorPart.TypeNull) ? [.. PartsInHashingOrder(standard).Select(p => p.Text())] : null;

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal void Validate(string source)
    {
        string Where() => $"{source}, case '{Name}'";
        _ = HashPurpose;
        if (Parts.Count == 0)
        {
            throw new InvalidDataException($"{Where()}: no parts.");
        }

        foreach (var part in Parts)
        {
            part.Validate(Where());
        }

        if (Parts.Any(p => p.Column is not null) && (Parts.Any(p => p.Column is null) || HashPurpose != HashPurpose.Diff))
        {
            throw new InvalidDataException($"{Where()}: column names belong to diff cases, and then to every part.");
        }

        if (ZeroKey || NullResult)
        {
            if (Input is not null || InputSegments is not null || InputUtf8Hex is not null || InputUtf8Length is not null)
            {
                throw new InvalidDataException($"{Where()}: a zero key or a NULL result has no input, input_segments, input_utf8_hex or input_utf8_length.");
            }
        }

        if (NullResult)
        {
            if (ZeroKey || Md5 is not null || Sha1 is not null || Sha256 is not null)
            {
                throw new InvalidDataException($"{Where()}: a NULL result is not a zero key, and its digests are null.");
            }

            return;
        }

        if (Md5 is null || Sha1 is null || Sha256 is null)
        {
            throw new InvalidDataException($"{Where()}: only a NULL result has null digests.");
        }

        if (ZeroKey)
        {

            if (Md5 != new string('0', 32) || Sha1 != new string('0', 40) || Sha256 != new string('0', 64))
            {
                throw new InvalidDataException($"{Where()}: a zero key's digests are all zeros.");
            }

            return;
        }

        if ((Input is null) == (InputSegments is null))
        {
            throw new InvalidDataException($"{Where()}: exactly one of input and input_segments must be given.");
        }

        if (InputSegments?.Any(s => s.Repeat is < 1) == true)
        {
            throw new InvalidDataException($"{Where()}: a segment's repeat must be at least 1.");
        }

        var bytes = ExpectedInputUtf8()!;
        if (Input is not null && !string.Equals(InputUtf8Hex, Convert.ToHexStringLower(bytes), StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Where()}: input_utf8_hex is not the UTF-8 of input.");
        }

        if (InputUtf8Length != bytes.Length)
        {
            throw new InvalidDataException($"{Where()}: input_utf8_length is {InputUtf8Length}, the input has {bytes.Length} bytes.");
        }

        if (Md5.Length != 32 || Sha1.Length != 40 || Sha256.Length != 64)
        {
            throw new InvalidDataException($"{Where()}: a digest has the wrong length.");
        }
    }
}

/// <summary>One run of a long input: <see cref="Value"/> repeated <see cref="Repeat"/> times (once if absent).</summary>
public sealed record HashVectorSegment
{
    /// <summary>The text.</summary>
    public required string Value { get; init; }

    /// <summary>How many times it repeats; absent means once.</summary>
    public int? Repeat { get; init; }
}

/// <summary>
/// One typed value. <see cref="Value"/> is always text (or <see langword="null"/>: a typed NULL); see the README
/// for each type's format. <c>{"type": "null"}</c> is an untyped NULL.
/// </summary>
public sealed record HashVectorPart
{
    /// <summary>A string, appended as it is; may have <see cref="Repeat"/>.</summary>
    public const string TypeString = "string";

    /// <summary>An untyped NULL.</summary>
    public const string TypeNull = "null";

    /// <summary>A 64-bit integer, invariant digits.</summary>
    public const string TypeInteger = "integer";

    /// <summary>A decimal with <see cref="Precision"/> and <see cref="Scale"/>, invariant, '.' as the point.</summary>
    public const string TypeDecimal = "decimal";

    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    public const string TypeDate = "date";

    /// <summary>A time of day, <c>HH:mm:ss[.fffffff]</c>.</summary>
    public const string TypeTime = "time";

    /// <summary>A timestamp without offset, <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c>.</summary>
    public const string TypeTimestamp = "timestamp";

    /// <summary>A timestamp with offset, <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm</c>.</summary>
    public const string TypeTimestampTz = "timestamptz";

    /// <summary>A boolean, <c>true</c> or <c>false</c>.</summary>
    public const string TypeBoolean = "boolean";

    /// <summary>A GUID, 8-4-4-4-12 hex digits of either case.</summary>
    public const string TypeGuid = "guid";

    /// <summary>Binary data as hex (empty for no bytes).</summary>
    public const string TypeBinary = "binary";

    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF"];
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] TimestampTzFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    /// <summary>The type: one of the <c>Type*</c> constants.</summary>
    public required string Type { get; init; }

    /// <summary>The value as text; <see langword="null"/> (or absent) for a NULL.</summary>
    public string? Value { get; init; }

    /// <summary>The declared precision of a decimal.</summary>
    public int? Precision { get; init; }

    /// <summary>The declared scale of a decimal.</summary>
    public int? Scale { get; init; }

    /// <summary>For a string: the value is repeated this many times (keeps long inputs readable in the file).</summary>
    public int? Repeat { get; init; }

    /// <summary>
    /// The column name of a diff part (all parts of a case or none): the standard orders the parts by these names
    /// (<see cref="HashingStandard.OrderDiffColumns"/>) before hashing.
    /// </summary>
    public string? Column { get; init; }

    /// <summary>Whether the part is NULL (untyped, or a typed part whose value is null).</summary>
    [JsonIgnore]
    public bool IsNull => Type == TypeNull || Value is null;

    /// <summary>The value with <see cref="Repeat"/> applied; <see langword="null"/> for a NULL.</summary>
    /// <returns>The text.</returns>
    public string? Text() => Value is null || Type == TypeNull ? null : Repeat is { } n ? new StringBuilder(Value.Length * n).Insert(0, Value, n).ToString() : Value;

    /// <summary>Appends the part with the <see cref="HashRowWriter"/> overload of its type (typed NULLs through the nullable overloads).</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="InvalidDataException">The type is unknown or the value does not parse.</exception>
    public void AppendTo(ref HashRowWriter row)
    {
        var invariant = CultureInfo.InvariantCulture;
        var v = Value;
        switch (Type)
        {
            case TypeNull:
                row.AppendNull();
                break;
            case TypeString:
                row.Append(Text());
                break;
            case TypeInteger:
                row.Append(v is null ? (long?)null : long.Parse(v, NumberStyles.AllowLeadingSign, invariant));
                break;
            case TypeDecimal:
                row.Append(v is null ? (decimal?)null : decimal.Parse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant), Precision!.Value, Scale!.Value);
                break;
            case TypeDate:
                row.Append(v is null ? (DateOnly?)null : DateOnly.ParseExact(v, "yyyy-MM-dd", invariant));
                break;
            case TypeTime:
                row.Append(v is null ? (TimeOnly?)null : TimeOnly.ParseExact(v, TimeFormats, invariant));
                break;
            case TypeTimestamp:
                row.Append(v is null ? (DateTime?)null : DateTime.ParseExact(v, TimestampFormats, invariant, DateTimeStyles.None));
                break;
            case TypeTimestampTz:
                row.Append(v is null ? (DateTimeOffset?)null : DateTimeOffset.ParseExact(v, TimestampTzFormats, invariant, DateTimeStyles.None));
                break;
            case TypeBoolean:
                row.Append(v switch
                {
                    null => (bool?)null,
                    "true" => true,
                    "false" => false,
                    _ => throw new InvalidDataException($"Boolean value '{v}' is neither 'true' nor 'false'."),
                });
                break;
            case TypeGuid:
                row.Append(v is null ? (Guid?)null : Guid.ParseExact(v, "D"));
                break;
            case TypeBinary:
                row.Append(v is null ? null : Convert.FromHexString(v));
                break;
            default:
                throw new InvalidDataException($"Unknown part type '{Type}'.");
        }
    }

    internal void Validate(string where)
    {
        var known = Type is TypeString or TypeNull or TypeInteger or TypeDecimal or TypeDate or TypeTime or TypeTimestamp
            or TypeTimestampTz or TypeBoolean or TypeGuid or TypeBinary;
        if (!known)
        {
            throw new InvalidDataException($"{where}: unknown part type '{Type}'.");
        }

        if ((Type == TypeDecimal) != (Precision is not null && Scale is not null) || (Type != TypeDecimal && (Precision is not null || Scale is not null)))
        {
            throw new InvalidDataException($"{where}: precision and scale belong to decimal parts, and every decimal part has both.");
        }

        if (Repeat is not null && (Type != TypeString || Repeat < 1 || Value is null))
        {
            throw new InvalidDataException($"{where}: repeat (at least 1) belongs to non-NULL string parts only.");
        }

        if (Type == TypeNull && Value is not null)
        {
            throw new InvalidDataException($"{where}: a null part has no value.");
        }

        if (Column is { Length: 0 })
        {
            throw new InvalidDataException($"{where}: a column name is not empty.");
        }
    }
}
