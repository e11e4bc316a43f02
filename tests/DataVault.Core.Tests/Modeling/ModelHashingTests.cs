using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// <see cref="ModelHashing"/> against the string API of <see cref="DataVaultHasher"/>: typed values of a model entity
/// hash exactly as their canonical text (docs/hashing.md) does, in the entity's hashing order.
/// </summary>
public class ModelHashingTests
{
    private static readonly Guid SomeGuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static DataVaultModel AllTypes(HashingStandard standard) => new DataVaultModelBuilder()
        .UseHashingStandard(standard)
        .Hub("thing", h => h
            .BusinessKey("k_string", DataType.String(20))
            .BusinessKey("k_text", DataType.Text)
            .BusinessKey("k_int", DataType.Int)
            .BusinessKey("k_bigint", DataType.BigInt)
            .BusinessKey("k_decimal", DataType.Decimal(10, 2))
            .BusinessKey("k_date", DataType.Date)
            .BusinessKey("k_time", DataType.Time)
            .BusinessKey("k_timestamp", DataType.Timestamp)
            .BusinessKey("k_bool", DataType.Boolean)
            .BusinessKey("k_guid", DataType.Guid)
            .BusinessKey("k_binary", DataType.Binary()))
        .Satellite("thing_state", s => s.OnHub("thing")
            .Attribute("a_string", DataType.String(20))
            .Attribute("a_decimal", DataType.Decimal(10, 2))
            .Attribute("a_timestamp", DataType.Timestamp)
            .Attribute("a_guid", DataType.Guid)
            .Attribute("a_bool", DataType.Boolean)
            .Attribute("a_binary", DataType.Binary(4))
            .Attribute("a_empty", DataType.Text))
        .Build();

    private static readonly object?[] KeyValues =
    [
        " Zoë ", "text", 42, -9_223_372_036_854_775_807L, 19.9m, new DateOnly(2024, 2, 29), new TimeOnly(13, 45, 7, 123, 456),
        new DateTime(2024, 2, 29, 13, 45, 7, 123, DateTimeKind.Utc).AddTicks(4567), true, SomeGuid, new byte[] { 0xDE, 0xAD, 0xBE, 0xEF },
    ];

    private static readonly string[] KeyTexts =
    [
        " Zoë ", "text", "42", "-9223372036854775807", "19.90", "2024-02-29", "13:45:07.123456",
        "2024-02-29 13:45:07.123456", "true", "0f8fad5b-d9cb-469f-a165-70867728950e", "DEADBEEF",
    ];

    public static TheoryData<string> StandardIds => [.. HashingStandards.All.Keys];

    [Theory]
    [MemberData(nameof(StandardIds))]
    public void Hub_key_of_typed_values_equals_the_hasher_on_their_canonical_text(string standardId)
    {
        var standard = HashingStandards.Get(standardId);
        var hub = AllTypes(standard).Hub("thing");
        var hasher = new DataVaultHasher(standard);

        var expected = standard.OutputForm == HashOutputForm.Binary ? (object?)hasher.HashKeyBytes(KeyTexts) : hasher.HashKeyHex(KeyTexts);
        ModelHashing.HashKey(hub, KeyValues).Should().BeEquivalentTo(expected);
        ModelHashing.HashKey(hub, KeyTexts).Should().BeEquivalentTo(expected, "a string value is taken as its canonical text");
    }

    [Fact]
    public void Default_hub_key_is_md5_of_the_documented_input()
    {
        var hub = AllTypes(HashingStandards.Default).Hub("thing");
        const string input = "ZOË||TEXT||42||-9223372036854775807||19.90||2024-02-29||13:45:07.123456||2024-02-29 13:45:07.123456||TRUE||0F8FAD5B-D9CB-469F-A165-70867728950E||DEADBEEF";

        ModelHashing.HashKey(hub, KeyValues).Should().Be(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(input))));
    }

    [Theory]
    [MemberData(nameof(StandardIds))]
    public void Satellite_diff_of_typed_values_equals_the_hasher_in_the_standards_column_order(string standardId)
    {
        var standard = HashingStandards.Get(standardId);
        var satellite = AllTypes(standard).Satellite("thing_state");
        object?[] values = [" Jo ", 5m, new DateTimeOffset(2024, 2, 29, 23, 45, 7, TimeSpan.FromHours(2)), SomeGuid, false, new byte[] { 1, 2 }, null];
        Dictionary<string, string?> texts = new()
        {
            ["a_string"] = " Jo ",
            ["a_decimal"] = "5.00",
            ["a_timestamp"] = "2024-02-29 21:45:07.000000",
            ["a_guid"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            ["a_bool"] = "false",
            ["a_binary"] = "0102",
            ["a_empty"] = null,
        };
        string?[] ordered = [.. satellite.HashDiffParts.Select(a => texts[a.Name])];
        var hasher = new DataVaultHasher(standard);

        var expected = standard.OutputForm == HashOutputForm.Binary ? (object?)hasher.HashDiffBytes(ordered) : hasher.HashDiffHex(ordered);
        ModelHashing.HashDiff(satellite, values).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void AutomateDv_diff_hashes_the_attributes_sorted_by_name_not_as_declared()
    {
        var satellite = new DataVaultModelBuilder()
            .UseHashingStandard(HashingStandards.AutomateDv)
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
            .Satellite("pricing", s => s.OnHub("product").Attribute("unit_price", DataType.Decimal(10, 2)).Attribute("currency", DataType.String(3)))
            .Build()
            .Satellite("pricing");
        var hasher = new DataVaultHasher(HashingStandards.AutomateDv);

        var diff = (byte[])ModelHashing.HashDiff(satellite, [9.5m, "eur"])!;

        diff.Should().Equal(hasher.HashDiffBytes("eur", "9.50"));
        diff.Should().Equal(MD5.HashData("EUR||9.50"u8));
        diff.Should().NotEqual(hasher.HashDiffBytes("9.50", "eur"));
    }

    [Fact]
    public void Link_key_hashes_the_hubs_business_keys_then_child_keys_not_the_hubs_hash_keys()
    {
        var model = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Hub("order", h => h.BusinessKey("order_no", DataType.BigInt).BusinessKey("channel", DataType.String(10)))
            .Link("sale", l => l.Hub("customer").Hub("order").Hub("customer", role: "referred_by").DependentChildKey("line_no", DataType.Int))
            .Build();
        var link = model.Link("sale");
        var customerHk = ModelHashing.HashKey(model.Hub("customer"), ["c1"]) as string;
        var orderHk = ModelHashing.HashKey(model.Hub("order"), [1001L, "web"]) as string;
        var referrerHk = ModelHashing.HashKey(model.Hub("customer"), ["c9"]) as string;

        var linkKey = ModelHashing.HashKey(link, ["c1", 1001L, "web", "c9", 3]);

        linkKey.Should().Be(DataVaultHasher.Default.HashKeyHex("c1", "1001", "web", "c9", "3"));
        linkKey.Should().Be(Convert.ToHexStringLower(MD5.HashData("C1||1001||WEB||C9||3"u8)));
        linkKey.Should().NotBe(DataVaultHasher.Default.HashKeyHex(customerHk, orderHk, referrerHk, "3"), "a link key is not a hash of hash keys");
        ModelHashing.HashKey(link, ["c9", 1001L, "web", "c1", 3]).Should().NotBe(linkKey, "the role makes the position matter");
        ModelHashing.HashKey(link, ["c1", 1001L, "web", "c9", 4]).Should().NotBe(linkKey, "the child key takes part");
    }

    [Fact]
    public void Link_key_follows_the_links_own_standard()
    {
        var sha = HashingStandards.Default with { Id = "sha-v1", Algorithm = HashAlgorithmKind.Sha256, OutputForm = HashOutputForm.Binary };
        var model = new DataVaultModelBuilder()
            .Hub("a", h => h.BusinessKey("a_id", DataType.String(5)))
            .Hub("b", h => h.BusinessKey("b_id", DataType.String(5)))
            .Link("ab", l => l.Hub("a").Hub("b").WithHashingStandard(sha))
            .Build();

        ModelHashing.HashKey(model.Link("ab"), ["x", "y"]).Should().BeOfType<byte[]>()
            .Which.Should().Equal(SHA256.HashData("X||Y"u8));
    }

    [Fact]
    public void Null_and_DBNull_are_NULL_and_an_all_null_key_is_the_zero_key()
    {
        var hub = new DataVaultModelBuilder()
            .Hub("pair", h => h.BusinessKey("left_id", DataType.Int).BusinessKey("right_id", DataType.String(5)))
            .Build()
            .Hub("pair");

        ModelHashing.HashKey(hub, [null, "x"]).Should().Be(DataVaultHasher.Default.HashKeyHex(null, "x"));
        ModelHashing.HashKey(hub, [DBNull.Value, "x"]).Should().Be(DataVaultHasher.Default.HashKeyHex(null, "x"));
        ModelHashing.HashKey(hub, [null, DBNull.Value]).Should().Be(new string('0', 32));
    }

    [Fact]
    public void Wrong_value_count_or_type_is_an_argument_error()
    {
        var model = RetailModel.Builder().Build();

        var count = () => ModelHashing.HashKey(model.Link("sales"), ["c", "p"]);
        count.Should().Throw<ArgumentException>().WithMessage("*Expected 6 values (customer_id, product_id, store_id, transaction_id, promotion_id, line_item_number), got 2*");

        var type = () => ModelHashing.HashDiff(model.Satellite("product_pricing"), [new DateOnly(2024, 1, 1), 1m, "EUR"]);
        type.Should().Throw<ArgumentException>().WithMessage("*DateOnly*decimal(10,2)*");

        var scale = () => ModelHashing.HashDiff(model.Satellite("product_pricing"), [1.234m, 1m, "EUR"]);
        scale.Should().Throw<ArgumentOutOfRangeException>("a decimal is never rounded to its scale");
    }

    [Fact]
    public void A_reference_hubs_key_is_its_code_not_a_hash()
    {
        var model = new DataVaultModelBuilder().ReferenceHub("currency", r => r.BusinessKey("currency_code", DataType.String(3))).Build();

        ModelHashing.HashKey(model.Hub("currency"), ["EUR"]).Should().Be("EUR");
        FluentActions.Invoking(() => ModelHashing.HashKey(model.Hub("currency"), ["EUR", "x"])).Should().Throw<ArgumentException>();
    }
}
