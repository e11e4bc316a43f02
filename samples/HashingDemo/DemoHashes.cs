using System.Text;
using DataVault.Core.Hashing;

namespace HashingDemo;

/// <summary>The hashing the demo does, written the way a loader would write it.</summary>
internal static class DemoHashes
{
    /// <summary>The declared type of credit_limit: decimal(10,2), so 2500.5 is hashed as "2500.50".</summary>
    private const int CreditLimitPrecision = 10;
    private const int CreditLimitScale = 2;

    /// <summary>The hash key of one business key, formatted into a stack buffer (no intermediate allocations).</summary>
    public static string? HashKey(DataVaultHasher hasher, string customerId)
    {
        Span<char> hex = stackalloc char[2 * DataVaultHasher.MaxHashLengthInBytes];
        var written = hasher.FormatHashKey([customerId], hex);
        return written == 0 ? null : new string(hex[..written]);
    }

    /// <summary>The exact text that is hashed for the single-part key <paramref name="businessKey"/>.</summary>
    public static string KeyInput(DataVaultHasher hasher, string businessKey)
    {
        using var row = hasher.CreateWriter(HashPurpose.Key, stackalloc byte[256]);
        row.Append(businessKey);
        return Encoding.UTF8.GetString(row.HashInput);
    }

    /// <summary>The hash diff of the descriptive attributes, with the typed writer.</summary>
    public static string? HashDiff(DataVaultHasher hasher, Customer customer)
    {
        using var row = StartDiff(hasher, customer, stackalloc byte[256]);
        return row.ToHexString();
    }

    /// <summary>The exact text that is hashed for the diff of <paramref name="customer"/>.</summary>
    public static string DiffInput(DataVaultHasher hasher, Customer customer)
    {
        using var row = StartDiff(hasher, customer, stackalloc byte[256]);
        return Encoding.UTF8.GetString(row.HashInput);
    }

    /// <summary>A diff writer holding the attributes in declared order; the caller disposes it.</summary>
    private static HashRowWriter StartDiff(DataVaultHasher hasher, Customer customer, Span<byte> buffer)
    {
        var row = hasher.CreateWriter(HashPurpose.Diff, buffer);
        row.Append(customer.Name);
        row.Append(customer.Email);
        row.Append(customer.BirthDate);
        row.Append(customer.CreditLimit, CreditLimitPrecision, CreditLimitScale);
        row.Append(customer.City);
        return row;
    }
}
