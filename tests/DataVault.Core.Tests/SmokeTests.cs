using DataVault.Core.Hashing;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Default_key_is_md5_of_the_upper_trimmed_value()
    {
        DataVaultHasher.Default.HashKeyHex(" cust0001 ").Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("CUST0001"u8)));
    }
}
