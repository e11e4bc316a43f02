using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary><see cref="DataVaultModel.ToMermaid"/>: every table, every key reference, valid Mermaid ER syntax.</summary>
public class MermaidDiagramTests
{
    [Fact]
    public void A_reference_hub_and_its_satellite_are_keyed_by_the_code()
    {
        var model = new DataVaultModelBuilder()
            .ReferenceHub("currency", r => r.BusinessKey("currency_code", DataType.String(3)))
            .Satellite("currency_details", s => s.OnHub("currency").Attribute("name", DataType.String(50)))
            .Build();

        var text = model.ToMermaid().ReplaceLineEndings("\n");

        text.Should().Contain("""
                "ref_currency" {
                    string currency_code PK "reference code"
                }
            """.ReplaceLineEndings("\n"));
        text.Should().Contain("string currency_code PK, FK \"reference code\"").And.NotContain("hub_currency_hk");
        MermaidErGrammar.Parse(text).Entities.Should().ContainKeys("ref_currency", "sat_currency_details");
    }

    [Fact]
    public void Small_model_renders_exactly()
    {
        var expected = """
            erDiagram
                "hub_customer" {
                    hash hub_customer_hk PK "hash key"
                    string customer_id UK "business key"
                }
                "link_referral" {
                    hash link_referral_hk PK "hash key"
                    hash hub_customer_hk FK "customer"
                    hash referred_by_hub_customer_hk FK "referred_by customer"
                }
                "hub_customer" ||--o{ "link_referral" : "customer"
                "hub_customer" ||--o{ "link_referral" : "referred_by"
                "sat_customer_details" {
                    hash hub_customer_hk PK, FK "parent hash key"
                    timestamp load_date PK
                    hash hash_diff "hash diff"
                    string name
                    date birth_date
                }
                "hub_customer" ||--o{ "sat_customer_details" : "describes"

            """;

        RetailModel.Small().ToMermaid().ReplaceLineEndings("\n").Should().Be(expected.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Retail_diagram_is_valid_and_has_every_table_and_relation()
    {
        var model = RetailModel.Builder().Build();
        var text = model.ToMermaid();

        text.Should().StartWith("erDiagram");
        var diagram = MermaidErGrammar.Parse(text);

        diagram.Entities.Keys.Should().Equal(
            [.. model.Hubs.Select(h => h.TableName), .. model.Links.Select(l => l.TableName), .. model.Satellites.Select(s => s.TableName)]);
        foreach (var hub in model.Hubs)
        {
            var attributes = diagram.Entities[hub.TableName];
            attributes[0].Should().BeEquivalentTo(new MermaidErGrammar.ErAttribute("hash", hub.HashKeyColumn, ["PK"], "hash key"));
            attributes.Skip(1).Select(a => (a.Name, a.Keys.Single())).Should().Equal(hub.BusinessKeys.Select(k => (k.Name, "UK")));
        }

        foreach (var link in model.Links)
        {
            var attributes = diagram.Entities[link.TableName];
            attributes.Select(a => a.Name).Should().Equal([link.HashKeyColumn, .. link.Hubs.Select(h => h.HashKeyColumn), .. link.DependentChildKeys.Select(k => k.Name)]);
            attributes.Skip(1).Take(link.Hubs.Count).Should().OnlyContain(a => a.Keys.SequenceEqual(new[] { "FK" }));
        }

        diagram.Entities["link_sales"][^1].Should().BeEquivalentTo(new MermaidErGrammar.ErAttribute("int", "line_item_number", [], "dependent child key"));

        foreach (var satellite in model.Satellites)
        {
            var attributes = diagram.Entities[satellite.TableName];
            attributes[0].Should().BeEquivalentTo(new MermaidErGrammar.ErAttribute("hash", satellite.ParentHashKeyColumn, ["PK", "FK"], "parent hash key"));
            attributes.Skip(3).Select(a => (a.Type, a.Name)).Should().Equal(satellite.Attributes.Select(a => (a.Type.Kind.ToString().ToLowerInvariant(), a.Name)));
        }

        diagram.Relationships.Select(r => (r.Parent, r.Child, r.Label)).Should().BeEquivalentTo(
            [
                .. model.Links.SelectMany(l => l.Hubs.Select(h => (h.Hub.TableName, l.TableName, h.Role ?? h.Hub.Name))),
                .. model.Satellites.Select(s => (s.Parent.TableName, s.TableName, "describes")),
            ]);
        diagram.Relationships.Should().OnlyContain(r => r.Cardinality == "||--o{");
        diagram.Relationships.Should().Contain(r => r.Parent == "link_sales" && r.Child == "sat_sales_metrics");
    }

    [Fact]
    public void Roles_label_the_relations_of_a_hub_that_appears_twice()
    {
        var diagram = MermaidErGrammar.Parse(RetailModel.Small().ToMermaid());

        diagram.Relationships.Where(r => r.Child == "link_referral").Select(r => (r.Parent, r.Label))
            .Should().Equal(("hub_customer", "customer"), ("hub_customer", "referred_by"));
        diagram.Entities["link_referral"][2].Comment.Should().Be("referred_by customer");
    }

    [Fact]
    public void Table_and_column_names_that_are_Mermaid_keywords_still_parse()
    {
        var model = new DataVaultModelBuilder()
            .UseNamingConventions(NamingConventions.Default with { HubTable = "{name}", LinkTable = "{name}", SatelliteTable = "{name}" })
            .Hub("to", h => h.BusinessKey("pk", DataType.Int))
            .Hub("one", h => h.BusinessKey("uk", DataType.Int))
            .Link("many", l => l.Hub("to").Hub("one"))
            .Satellite("class", s => s.OnHub("to").Attribute("fk", DataType.Text).Attribute("end", DataType.Text))
            .Build();

        var diagram = MermaidErGrammar.Parse(model.ToMermaid());

        diagram.Entities.Keys.Should().Equal("to", "one", "many", "class");
        diagram.Entities["to"].Select(a => a.Name).Should().Equal("hub_to_hk", "pk");
        diagram.Entities["class"].Select(a => a.Name).Should().Contain(["fk", "end"]);
        diagram.Relationships.Select(r => (r.Parent, r.Child)).Should().Equal(("to", "many"), ("one", "many"), ("to", "class"));
    }

    [Theory]
    [InlineData("erDiagram\n    hub_x {\n        string pk\n    }\n", "key marker")]
    [InlineData("erDiagram\n    to {\n        string x\n    }\n", "bare entity")]
    [InlineData("erDiagram\n    \"x\" {\n        decimal(10 2) x\n    }\n", "not an attribute")]
    [InlineData("graph TD\n", "erDiagram")]
    [InlineData("erDiagram\n    \"x\" {\n        string y\n", "not closed")]
    public void The_grammar_checker_rejects_what_Mermaid_rejects(string text, string reason)
    {
        var parse = () => MermaidErGrammar.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage($"*{reason}*");
    }
}
