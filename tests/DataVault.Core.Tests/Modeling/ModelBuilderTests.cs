using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>The fluent builder: what a declared vault becomes (tables, key columns, key parts, orders, standards, names).</summary>
public class ModelBuilderTests
{
    private static readonly HashingStandard CaseSensitive = HashingStandards.Default with { Id = "cs-v1", KeyCasing = TextCasing.Preserve };

    [Fact]
    public void Hub_with_one_key_gets_the_seed_names()
    {
        var hub = new DataVaultModelBuilder().Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50))).Build().Hub("customer");

        hub.Name.Should().Be("customer");
        hub.TableName.Should().Be("hub_customer");
        hub.HashKeyColumn.Should().Be("hub_customer_hk");
        hub.Path.Should().Be("hub:customer");
        hub.BusinessKeys.Should().Equal(new ColumnDefinition("customer_id", DataType.String(50)));
        hub.KeyParts.Should().Equal(hub.BusinessKeys);
        hub.HashingStandard.Should().BeSameAs(HashingStandards.Default);
        hub.Naming.Should().BeSameAs(NamingConventions.Default);
    }

    [Fact]
    public void Hub_keeps_a_composite_key_of_every_type_in_declared_order()
    {
        (string Name, DataType Type, DataTypeKind Kind, string Printed)[] keys =
        [
            ("k_string", DataType.String(20), DataTypeKind.String, "string(20)"),
            ("k_text", DataType.Text, DataTypeKind.Text, "text"),
            ("k_int", DataType.Int, DataTypeKind.Int, "int"),
            ("k_bigint", DataType.BigInt, DataTypeKind.BigInt, "bigint"),
            ("k_decimal", DataType.Decimal(12, 3), DataTypeKind.Decimal, "decimal(12,3)"),
            ("k_date", DataType.Date, DataTypeKind.Date, "date"),
            ("k_time", DataType.Time, DataTypeKind.Time, "time"),
            ("k_timestamp", DataType.Timestamp, DataTypeKind.Timestamp, "timestamp"),
            ("k_bool", DataType.Boolean, DataTypeKind.Boolean, "boolean"),
            ("k_guid", DataType.Guid, DataTypeKind.Guid, "guid"),
            ("k_binary", DataType.Binary(), DataTypeKind.Binary, "binary"),
            ("k_binary16", DataType.Binary(16), DataTypeKind.Binary, "binary(16)"),
        ];

        var hub = new DataVaultModelBuilder()
            .Hub("everything", h =>
            {
                foreach (var (name, type, _, _) in keys)
                {
                    h.BusinessKey(name, type);
                }
            })
            .Build()
            .Hub("everything");

        hub.BusinessKeys.Select(k => k.Name).Should().Equal(keys.Select(k => k.Name));
        hub.BusinessKeys.Select(k => k.Type.Kind).Should().Equal(keys.Select(k => k.Kind));
        hub.BusinessKeys.Select(k => k.Type.ToString()).Should().Equal(keys.Select(k => k.Printed));
        hub.KeyParts.Should().Equal(hub.BusinessKeys);
        hub.BusinessKeys[4].Type.Precision.Should().Be(12);
        hub.BusinessKeys[4].Type.Scale.Should().Be(3);
        hub.BusinessKeys[0].Type.Length.Should().Be(20);
        hub.BusinessKeys[10].Type.Length.Should().BeNull();
        hub.BusinessKeys[11].Type.Length.Should().Be(16);
    }

    [Fact]
    public void Link_columns_and_key_parts_follow_the_declared_hubs_roles_then_child_keys()
    {
        var model = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Hub("order", h => h.BusinessKey("order_no", DataType.BigInt).BusinessKey("channel", DataType.String(10)))
            .Link("sale", l => l
                .Hub("order")
                .Hub("customer")
                .Hub("customer", role: "referred_by")
                .DependentChildKey("line_no", DataType.Int)
                .DependentChildKey("sub_line", DataType.Int))
            .Build();
        var link = model.Link("sale");

        link.TableName.Should().Be("link_sale");
        link.HashKeyColumn.Should().Be("link_sale_hk");
        link.Path.Should().Be("link:sale");
        link.Hubs.Select(h => (h.Hub.Name, h.Role, h.HashKeyColumn)).Should().Equal(
            ("order", null, "hub_order_hk"),
            ("customer", null, "hub_customer_hk"),
            ("customer", "referred_by", "referred_by_hub_customer_hk"));
        link.Hubs[1].Hub.Should().BeSameAs(model.Hub("customer"));
        link.Hubs[2].Hub.Should().BeSameAs(model.Hub("customer"));
        link.DependentChildKeys.Select(k => k.Name).Should().Equal("line_no", "sub_line");
        link.KeyParts.Select(k => k.Name).Should().Equal("order_no", "channel", "customer_id", "referred_by_customer_id", "line_no", "sub_line");
        link.KeyParts.Select(k => k.Type).Should().Equal(DataType.BigInt, DataType.String(10), DataType.String(20), DataType.String(20), DataType.Int, DataType.Int);
        link.Hubs[2].BusinessKeyColumns().Select(c => c.Name).Should().Equal("referred_by_customer_id");
        link.Hubs[0].BusinessKeyColumns().Should().Equal(model.Hub("order").BusinessKeys);

        // docs/modeling.md: the key of order (1001, web), customer c1, referrer c9, line 3.
        ModelHashing.HashKey(link, [1001L, "web", "c1", "c9", 3, 1]).Should().Be(DataVaultHasher.Default.HashKeyHex("1001", "web", "c1", "c9", "3", "1"));
    }

    [Fact]
    public void Link_over_many_hubs_keeps_their_declared_order()
    {
        var model = RetailModel.Builder().Build();
        var sales = model.Link("sales");

        sales.Hubs.Select(h => h.HashKeyColumn).Should().Equal("hub_customer_hk", "hub_product_hk", "hub_store_hk", "hub_transaction_hk", "hub_promotion_hk");
        sales.KeyParts.Select(k => k.Name).Should().Equal("customer_id", "product_id", "store_id", "transaction_id", "promotion_id", "line_item_number");
        model.Link("product_promotion").KeyParts.Select(k => k.Name).Should().Equal("product_id", "promotion_id");
    }

    [Fact]
    public void Satellites_on_hubs_and_links_keep_attributes_in_declared_order()
    {
        var model = RetailModel.Builder().Build();

        var pricing = model.Satellite("product_pricing");
        pricing.TableName.Should().Be("sat_product_pricing");
        pricing.Path.Should().Be("sat:product_pricing");
        pricing.Parent.Should().BeSameAs(model.Hub("product"));
        pricing.ParentHashKeyColumn.Should().Be("hub_product_hk");
        pricing.HashDiffColumn.Should().Be("hash_diff");
        pricing.Attributes.Select(a => (a.Name, a.Type)).Should().Equal(("unit_cost", DataType.Decimal(10, 2)), ("unit_price", DataType.Decimal(10, 2)), ("currency", DataType.String(3)));
        pricing.HashDiffParts.Should().Equal(pricing.Attributes, "the default standard hashes attributes in declared order");

        var metrics = model.Satellite("sales_metrics");
        metrics.Parent.Should().BeSameAs(model.Link("sales"));
        metrics.ParentHashKeyColumn.Should().Be("link_sales_hk");
        metrics.Attributes.Select(a => a.Name).Should().Equal("quantity", "unit_price", "discount_amount", "tax_amount", "total_amount", "cost", "profit");

        model.SatellitesOf(model.Hub("customer")).Select(s => s.Name).Should().Equal("customer_details", "customer_contact");
        model.SatellitesOf(model.Link("sales")).Should().ContainSingle().Which.Should().BeSameAs(metrics);
        model.SatellitesOf(model.Link("product_promotion")).Should().BeEmpty();
    }

    [Fact]
    public void Model_lists_keep_declared_order()
    {
        var model = RetailModel.Builder().Build();

        model.Hubs.Select(h => h.TableName).Should().Equal("hub_customer", "hub_product", "hub_store", "hub_transaction", "hub_promotion");
        model.Links.Select(l => l.TableName).Should().Equal("link_sales", "link_product_promotion");
        model.Satellites.Select(s => s.TableName).Should().Equal(
            "sat_customer_details", "sat_customer_contact", "sat_product_details", "sat_product_pricing",
            "sat_store_details", "sat_transaction_details", "sat_promotion_details", "sat_sales_metrics");
    }

    [Fact]
    public void Hash_diff_parts_are_sorted_by_name_under_AutomateDv_and_declared_otherwise()
    {
        var builder = new DataVaultModelBuilder()
            .UseHashingStandard(HashingStandards.AutomateDv)
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
            .Satellite("sorted", s => s.OnHub("product")
                .Attribute("zeta", DataType.Int)
                .Attribute("alpha", DataType.Int)
                .Attribute("a_b", DataType.Int)
                .Attribute("a1", DataType.Int)
                .Attribute("_first", DataType.Int)
                .Attribute("ab", DataType.Int))
            .Satellite("declared", s => s.OnHub("product")
                .WithHashingStandard(HashingStandards.Default)
                .Attribute("zeta", DataType.Int)
                .Attribute("alpha", DataType.Int));
        var model = builder.Build();

        var sorted = model.Satellite("sorted");
        sorted.HashingStandard.Should().BeSameAs(HashingStandards.AutomateDv);
        sorted.Attributes.Select(a => a.Name).Should().Equal("zeta", "alpha", "a_b", "a1", "_first", "ab");
        // Ordinal on the lower-cased names, as Jinja's |sort: digits < '_' < letters.
        sorted.HashDiffParts.Select(a => a.Name).Should().Equal("_first", "a1", "a_b", "ab", "alpha", "zeta");

        var declared = model.Satellite("declared");
        declared.HashingStandard.Should().BeSameAs(HashingStandards.Default);
        declared.HashDiffParts.Select(a => a.Name).Should().Equal("zeta", "alpha");
    }

    [Fact]
    public void Entities_use_the_vault_standard_unless_they_override_it()
    {
        var sha = HashingStandards.Default with { Id = "sha-v1", Algorithm = HashAlgorithmKind.Sha256 };
        var model = new DataVaultModelBuilder()
            .UseHashingStandard(sha)
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Hub("account", h => h.BusinessKey("account_code", DataType.String(20)).WithHashingStandard(CaseSensitive))
            .Link("holding", l => l.Hub("customer").Hub("account").WithHashingStandard(HashingStandards.Default))
            .Satellite("account_details", s => s.OnHub("account").Attribute("label", DataType.Text))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.Text).WithHashingStandard(HashingStandards.DataVault4Dbt))
            .Build();

        model.HashingStandard.Should().BeSameAs(sha);
        model.Hub("customer").HashingStandard.Should().BeSameAs(sha);
        model.Hub("account").HashingStandard.Should().Be(CaseSensitive);
        model.Link("holding").HashingStandard.Should().BeSameAs(HashingStandards.Default);
        model.Satellite("account_details").HashingStandard.Should().BeSameAs(sha, "a satellite's diff follows the vault, not its parent's key standard");
        model.Satellite("customer_details").HashingStandard.Should().BeSameAs(HashingStandards.DataVault4Dbt);
    }

    [Fact]
    public void Case_sensitive_hub_keeps_case_in_its_keys_while_the_default_hub_folds_it()
    {
        var model = new DataVaultModelBuilder()
            .Hub("account", h => h.BusinessKey("account_code", DataType.String(20)).WithHashingStandard(CaseSensitive))
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Build();

        var account = model.Hub("account");
        var customer = model.Hub("customer");
        account.HashingStandard.Id.Should().Be("cs-v1");
        account.HashingStandard.KeyCasing.Should().Be(TextCasing.Preserve);

        ModelHashing.HashKey(account, ["abc"]).Should().NotBe(ModelHashing.HashKey(account, ["ABC"]));
        ModelHashing.HashKey(account, ["abc"]).Should().Be(new DataVaultHasher(CaseSensitive).HashKeyHex("abc"));
        ModelHashing.HashKey(customer, ["abc"]).Should().Be(ModelHashing.HashKey(customer, ["ABC"]));
    }

    [Fact]
    public void Default_naming_conventions_are_the_seed_names()
    {
        var naming = NamingConventions.Default;

        naming.HubTableName("customer").Should().Be("hub_customer");
        naming.LinkTableName("sales").Should().Be("link_sales");
        naming.SatelliteTableName("customer_details").Should().Be("sat_customer_details");
        naming.HubHashKeyName("customer").Should().Be("hub_customer_hk");
        naming.LinkHashKeyName("sales").Should().Be("link_sales_hk");
        naming.LinkHubColumnName("hub_customer_hk", null).Should().Be("hub_customer_hk");
        naming.LinkHubColumnName("hub_customer_hk", "referred_by").Should().Be("referred_by_hub_customer_hk");
        naming.SystemColumns().Should().Equal("load_date", "load_end_date", "record_source", "hash_diff");
        new DataVaultModelBuilder().Hub("x", h => h.BusinessKey("x_id", DataType.Int)).Build().Naming.Should().BeSameAs(NamingConventions.Default);
    }

    [Fact]
    public void Custom_naming_conventions_rename_tables_key_columns_and_system_columns()
    {
        var naming = new NamingConventions
        {
            HubTable = "h_{name}",
            LinkTable = "l_{name}",
            SatelliteTable = "s_{name}",
            HubHashKey = "{name}_key",
            LinkHashKey = "{name}_link_key",
            RoleHashKey = "{hub_hk}_as_{role}",
            HashDiff = "row_hash",
            LoadDate = "loaded_at",
            LoadEndDate = "valid_to",
            RecordSource = "source_system",
        };
        var model = new DataVaultModelBuilder()
            .UseNamingConventions(naming)
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Link("referral", l => l.Hub("customer").Hub("customer", role: "referrer"))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.Text))
            .Build();

        model.Naming.Should().BeSameAs(naming);
        model.Hub("customer").TableName.Should().Be("h_customer");
        model.Hub("customer").HashKeyColumn.Should().Be("customer_key");
        model.Link("referral").TableName.Should().Be("l_referral");
        model.Link("referral").HashKeyColumn.Should().Be("referral_link_key");
        model.Link("referral").Hubs.Select(h => h.HashKeyColumn).Should().Equal("customer_key", "customer_key_as_referrer");
        model.Satellite("customer_details").TableName.Should().Be("s_customer_details");
        model.Satellite("customer_details").HashDiffColumn.Should().Be("row_hash");
        model.Satellite("customer_details").ParentHashKeyColumn.Should().Be("customer_key");

        // The dialects write the conventions' system columns.
        var ddl = string.Join("\n", SqlDialects.Sqlite.CreateVault(model).Select(s => s.Text));
        foreach (var column in new[] { "\"loaded_at\"", "\"valid_to\"", "\"source_system\"", "\"row_hash\"", "\"customer_key_as_referrer\"" })
        {
            ddl.Should().Contain(column);
        }

        ddl.Should().NotContain("load_date").And.NotContain("hub_customer");
    }

    [Fact]
    public void Explicit_table_names_replace_the_conventions()
    {
        var model = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)).ToTable("customers"))
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
            .Link("sale", l => l.Hub("customer").Hub("product").ToTable("sales_links"))
            .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.Text).ToTable("customer_history"))
            .Build();

        model.Hub("customer").TableName.Should().Be("customers");
        model.Hub("customer").HashKeyColumn.Should().Be("hub_customer_hk", "ToTable names the table only");
        model.Link("sale").TableName.Should().Be("sales_links");
        model.Satellite("customer_details").TableName.Should().Be("customer_history");
    }

    [Fact]
    public void Lookups_find_entities_by_name_and_list_the_declared_names_when_missing()
    {
        var model = RetailModel.Builder().Build();

        model.Hub("store").TableName.Should().Be("hub_store");
        model.Link("product_promotion").TableName.Should().Be("link_product_promotion");
        model.Satellite("store_details").TableName.Should().Be("sat_store_details");

        model.Invoking(m => m.Hub("shop")).Should().Throw<KeyNotFoundException>()
            .WithMessage("*hub 'shop'*customer, product, store, transaction, promotion*");
        model.Invoking(m => m.Link("sale")).Should().Throw<KeyNotFoundException>()
            .WithMessage("*link 'sale'*sales, product_promotion*");
        model.Invoking(m => m.Satellite("sales")).Should().Throw<KeyNotFoundException>()
            .WithMessage("*satellite 'sales'*customer_details*sales_metrics*");
        model.Invoking(m => m.Hub("Customer")).Should().Throw<KeyNotFoundException>("names are case-sensitive");

        var onlyHubs = new DataVaultModelBuilder().Hub("x", h => h.BusinessKey("x_id", DataType.Int)).Build();
        onlyHubs.Invoking(m => m.Link("y")).Should().Throw<KeyNotFoundException>().WithMessage("*Declared: none*");
    }

    [Fact]
    public void Model_lists_are_read_only_and_cannot_be_cast_back_to_mutable_collections()
    {
        var model = RetailModel.Builder().Build();
        var link = model.Link("sales");
        var satellite = model.Satellite("sales_metrics");

        AssertReadOnly(model.Hubs);
        AssertReadOnly(model.Links);
        AssertReadOnly(model.Satellites);
        AssertReadOnly(model.Hub("customer").BusinessKeys);
        AssertReadOnly(model.Hub("customer").KeyParts);
        AssertReadOnly(link.Hubs);
        AssertReadOnly(link.DependentChildKeys);
        AssertReadOnly(link.KeyParts);
        AssertReadOnly(satellite.Attributes);
        AssertReadOnly(satellite.HashDiffParts);
        AssertReadOnly(model.SatellitesOf(model.Hub("customer")));
    }

    [Fact]
    public void Building_copies_the_declarations_so_later_builder_changes_do_not_reach_the_model()
    {
        HubBuilder? hub = null;
        LinkBuilder? link = null;
        SatelliteBuilder? satellite = null;
        var builder = new DataVaultModelBuilder()
            .Hub("customer", h => (hub = h).BusinessKey("customer_id", DataType.String(20)))
            .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
            .Link("sale", l => (link = l).Hub("customer").Hub("product"))
            .Satellite("customer_details", s => (satellite = s).OnHub("customer").Attribute("name", DataType.Text));
        var model = builder.Build();

        hub!.BusinessKey("extra", DataType.Int);
        link!.Hub("customer", role: "other").DependentChildKey("line_no", DataType.Int);
        satellite!.Attribute("extra", DataType.Int);
        builder.Hub("store", h => h.BusinessKey("store_id", DataType.Int));

        model.Hub("customer").BusinessKeys.Should().HaveCount(1);
        model.Link("sale").Hubs.Should().HaveCount(2);
        model.Link("sale").KeyParts.Should().HaveCount(2);
        model.Satellite("customer_details").Attributes.Should().HaveCount(1);
        model.Hubs.Should().HaveCount(2);
        builder.Build().Hubs.Should().HaveCount(3, "the builder itself goes on");
    }

    [Fact]
    public void Built_models_and_their_parts_are_values_or_immutable_classes()
    {
        // Records with init-only members: a change is a copy, never a mutation of the model's instance.
        var naming = NamingConventions.Default with { HubTable = "x_{name}" };
        NamingConventions.Default.HubTable.Should().Be("hub_{name}");
        naming.Should().NotBeSameAs(NamingConventions.Default);

        var model = RetailModel.Builder().Build();
        var key = model.Hub("customer").BusinessKeys[0];
        var renamed = key with { Name = "other" };
        model.Hub("customer").BusinessKeys[0].Name.Should().Be("customer_id");
        renamed.Name.Should().Be("other");

        foreach (var type in new[] { typeof(DataVaultModel), typeof(Hub), typeof(Link), typeof(Satellite), typeof(LinkHubReference), typeof(ColumnDefinition), typeof(DataType), typeof(NamingConventions) })
        {
            type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && !IsInitOnly(p)).Should().BeEmpty($"{type.Name} has no public setters");
            type.GetFields().Where(f => f.IsPublic && !f.IsInitOnly && !f.IsLiteral).Should().BeEmpty($"{type.Name} has no public mutable fields");
        }
    }

    private static bool IsInitOnly(System.Reflection.PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));

    private static void AssertReadOnly<T>(IReadOnlyList<T> list)
    {
        list.Should().NotBeAssignableTo<List<T>>();
        list.Should().NotBeAssignableTo<T[]>();
        if (list is ICollection<T> collection)
        {
            collection.IsReadOnly.Should().BeTrue();
            collection.Invoking(c => c.Clear()).Should().Throw<NotSupportedException>();
        }

        if (list is System.Collections.IList untyped)
        {
            untyped.IsReadOnly.Should().BeTrue();
            untyped.Invoking(l => l.Clear()).Should().Throw<NotSupportedException>();
        }
    }
}
