using DataVault.Core.Hashing;
using DataVault.Core.Hashing.Standardization;
using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Hashing;

/// <summary>The standardised value a hub stores of a text key: the key plan without its encoding steps, and hashing it again gives the same key.</summary>
public class StoredKeyStandardizerTests
{
    private static readonly string?[] Keys = [" fr ", "fr", "FR", "", "   ", null, "a||b", "x\\y", "^^", "o\"k", "tab\there", "line\nbreak", "straße", "ǆ", " mixed Case ", "dv4dbt-null-replacement"];

    public static TheoryData<string> Standards => [.. HashingStandards.All.Keys];

    [Theory]
    [MemberData(nameof(Standards))]
    public void Hashing_the_standardised_key_gives_the_key_of_the_delivered_one(string id)
    {
        var standard = HashingStandards.Get(id);
        var hub = new DataVaultModelBuilder().UseHashingStandard(standard).Hub("h", h => h.BusinessKey("k", DataType.String(50))).Build().Hub("h");
        foreach (var key in Keys)
        {
            var standardized = StoredKeyStandardizer.Standardize(standard, key);
            ModelHashing.HashKey(hub, [standardized]).Should().BeEquivalentTo(ModelHashing.HashKey(hub, [key]), $"'{key}' and its standardised '{standardized}' are one key under {id}");
            StoredKeyStandardizer.Standardize(standard, standardized).Should().Be(standardized, "standardising twice changes nothing");
        }
    }

    [Fact]
    public void The_default_standard_trims_upper_cases_and_makes_empty_null_but_does_not_escape()
    {
        var standard = HashingStandards.Default;
        StoredKeyStandardizer.Standardize(standard, " fr ").Should().Be("FR");
        StoredKeyStandardizer.Standardize(standard, "   ").Should().BeNull();
        StoredKeyStandardizer.Standardize(standard, "a||b").Should().Be("A||B", "escaping encodes the hash input only");
        StoredKeyStandardizer.Standardize(standard, "straße").Should().Be("STRAßE", "the simple Unicode mapping keeps ß");
        StoredKeyStandardizer.Standardize(HashingStandards.DataVault4Dbt, "tab\there").Should().Be("TABHERE", "datavault4dbt removes control characters");
        StoredKeyStandardizer.Standardize(HashingStandards.DataVault4Dbt, "").Should().Be(string.Empty, "datavault4dbt keeps an empty string");
    }
}
