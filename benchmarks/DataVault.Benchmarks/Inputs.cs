using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;

namespace DataVault.Benchmarks;

/// <summary>The inputs every hashing benchmark uses, and the naive code a user would write without the library.</summary>
public static class Inputs
{
    /// <summary>A 10-character business key: one part, one MD5 block.</summary>
    public static readonly string?[] Key10 = ["CUST000123"];

    /// <summary>A 5-part composite key: 47 characters of values + 4 delimiters = 55 bytes of hash input, still one MD5 block.</summary>
    public static readonly string?[] Composite5 = ["CUST000123", "de", "2024-01-15", "Order-0000098765", "line-0042"];

    /// <summary>The 12 attributes of a satellite row, mixed types, one NULL in the middle.</summary>
    public static readonly CustomerRow Row = new(
        Name: "Jane Doe",
        City: "Zürich",
        Email: "jane.doe@example.com",
        Balance: 12345.60m,
        Rate: 0.0425m,
        BirthDate: new DateOnly(1985, 3, 14),
        CreatedAt: new DateTime(2024, 1, 15, 8, 30, 15, 123, 456, DateTimeKind.Unspecified),
        UpdatedAt: new DateTimeOffset(2024, 6, 30, 17, 45, 0, 250, TimeSpan.FromHours(2)),
        IsActive: true,
        ExternalId: new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        MiddleName: null,
        LoyaltyPoints: 4200);

    /// <summary>A hasher of the default standard (<c>dv2-default-v1</c>) with <paramref name="algorithm"/> in place of MD5.</summary>
    public static DataVaultHasher Hasher(HashAlgorithmKind algorithm) => algorithm == HashAlgorithmKind.Md5
        ? DataVaultHasher.Default
        : new DataVaultHasher(HashingStandards.Default with { Algorithm = algorithm, Id = "bench-" + algorithm.ToString().ToUpperInvariant() });

    /// <summary>Writes the 12 attributes of <paramref name="row"/> with the typed writer, as a user of the library does.</summary>
    public static void AppendRow(ref HashRowWriter writer, CustomerRow row)
    {
        writer.Append(row.Name);
        writer.Append(row.City);
        writer.Append(row.Email);
        writer.Append(row.Balance, precision: 14, scale: 2);
        writer.Append(row.Rate, precision: 9, scale: 4);
        writer.Append(row.BirthDate);
        writer.Append(row.CreatedAt);
        writer.Append(row.UpdatedAt);
        writer.Append(row.IsActive);
        writer.Append(row.ExternalId);
        writer.Append(row.MiddleName);
        writer.Append(row.LoyaltyPoints);
    }

#pragma warning disable CA5351 // MD5 is what the benchmark measures; hash keys are not a security boundary.

    /// <summary>The code a user writes without the library: join, upper-case, UTF-8, MD5, hex. Same bytes as dv2-default-v1 for ordinary keys.</summary>
    public static string NaiveHashKey(string?[] parts) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("||", parts).ToUpperInvariant())));

    /// <summary>The naive hash diff: each value formatted by hand, joined, UTF-8, MD5, hex (diffs keep their case).</summary>
    public static string NaiveHashDiff(CustomerRow row)
    {
        var inv = CultureInfo.InvariantCulture;
        string?[] parts =
        [
            row.Name,
            row.City,
            row.Email,
            row.Balance.ToString("F2", inv),
            row.Rate.ToString("F4", inv),
            row.BirthDate.ToString("yyyy-MM-dd", inv),
            row.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", inv),
            row.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", inv),
            row.IsActive ? "true" : "false",
            row.ExternalId.ToString("D"),
            row.MiddleName ?? "^^",
            row.LoyaltyPoints.ToString(inv),
        ];
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("||", parts))));
    }

    /// <summary>
    /// The library's standardisation followed by the platform's span MD5 (<c>MD5.HashData(span, span)</c>): what the
    /// engine would cost without its managed MD5.
    /// </summary>
    public static int PlatformMd5HashKey(DataVaultHasher hasher, string?[] parts, Span<char> destination)
    {
        var row = hasher.CreateWriter(HashPurpose.Key, stackalloc byte[256]);
        try
        {
            foreach (var part in parts)
            {
                row.Append(part);
            }

            Span<byte> digest = stackalloc byte[16];
            MD5.HashData(row.HashInput, digest);
            return Convert.TryToHexStringLower(digest, destination, out var written) ? written : 0;
        }
        finally
        {
            row.Dispose();
        }
    }

    /// <summary>The platform-MD5 span path for the 12-attribute diff.</summary>
    public static int PlatformMd5HashDiff(DataVaultHasher hasher, CustomerRow row, Span<char> destination)
    {
        var writer = hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        try
        {
            AppendRow(ref writer, row);
            Span<byte> digest = stackalloc byte[16];
            MD5.HashData(writer.HashInput, digest);
            return Convert.TryToHexStringLower(digest, destination, out var written) ? written : 0;
        }
        finally
        {
            writer.Dispose();
        }
    }
#pragma warning restore CA5351

    /// <summary>Throws unless the library, the naive code and the platform path agree on every input (run once per benchmark class).</summary>
    public static void CheckAgreement()
    {
        var hasher = DataVaultHasher.Default;
        Span<char> hex = stackalloc char[64];
        foreach (var parts in new[] { Key10, Composite5 })
        {
            var ours = hasher.HashKeyHex(parts)!;
            Check(ours, NaiveHashKey(parts), "naive key");
            Check(ours, hex[..PlatformMd5HashKey(hasher, parts, hex)].ToString(), "platform-MD5 key");
        }

        var writer = hasher.CreateWriter(HashPurpose.Diff, stackalloc byte[256]);
        AppendRow(ref writer, Row);
        var diff = writer.ToHexString()!;
        writer.Dispose();
        Check(diff, NaiveHashDiff(Row), "naive diff");
        Check(diff, hex[..PlatformMd5HashDiff(hasher, Row, hex)].ToString(), "platform-MD5 diff");

        static void Check(string expected, string actual, string what)
        {
            if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The {what} differs from the library: {actual} vs {expected}.");
            }
        }
    }
}

/// <summary>A satellite row of 12 attributes.</summary>
public sealed record CustomerRow(
    string Name,
    string City,
    string Email,
    decimal Balance,
    decimal Rate,
    DateOnly BirthDate,
    DateTime CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsActive,
    Guid ExternalId,
    string? MiddleName,
    long LoyaltyPoints);
