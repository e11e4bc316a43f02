using System.Reflection;
using System.Text.RegularExpressions;
using DataVault.Core.Modeling;
using DataVault.Core.Modeling.Validation;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// The descriptor table <see cref="ModelDiagnostics"/>: complete, every descriptor produced by some invalid model,
/// and its arguments rendered as <see cref="DiagnosticText"/> says.
/// </summary>
public class ModelDiagnosticsTests
{
    [Fact]
    public void All_lists_every_descriptor_of_the_table_once()
    {
        var declared = typeof(ModelDiagnostics).GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(p => typeof(ModelDiagnosticDescriptor).IsAssignableFrom(p.PropertyType))
            .Select(p => (ModelDiagnosticDescriptor)p.GetValue(null)!)
            .ToList();

        declared.Should().HaveCountGreaterThan(20);
        ModelDiagnostics.All.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(declared, o => o.WithStrictOrdering().ComparingByValue<ModelDiagnosticDescriptor>());
        ModelDiagnostics.All.Select(d => (d.MessageFormat, d.FixFormat)).Should().OnlyHaveUniqueItems("two descriptors with the same text would be one");
    }

    [Fact]
    public void Every_descriptor_is_produced_by_some_invalid_model()
    {
        var produced = InvalidModels.All.Values.SelectMany(c => c.Model().Validate(c.Target)).ToList();

        foreach (var descriptor in ModelDiagnostics.All)
        {
            var message = Pattern(descriptor.MessageFormat);
            var fix = Pattern(descriptor.FixFormat);
            produced.Should().Contain(d => d.Code == descriptor.Code && message.IsMatch(d.Message) && fix.IsMatch(d.Fix), $"some model of InvalidModels reports {descriptor.Name} as '{descriptor.MessageFormat}'");
        }
    }

    [Fact]
    public void Every_diagnostic_is_one_a_descriptor_describes()
    {
        var produced = InvalidModels.All.Values.SelectMany(c => c.Model().Validate(c.Target)).ToList();
        var descriptors = ModelDiagnostics.All.Select(d => (d.Code, Message: Pattern(d.MessageFormat), Fix: Pattern(d.FixFormat))).ToList();

        produced.Should().OnlyContain(d => descriptors.Any(x => x.Code == d.Code && x.Message.IsMatch(d.Message) && x.Fix.IsMatch(d.Fix)));
    }

    [Fact]
    public void Arguments_render_as_lists_quoted_names_and_entities()
    {
        var model = InvalidModels.PitVault().Build();

        ModelDiagnostics.UnknownHub.Create("link:l/hub:h", "l", "h", []).Fix.Should().EndWith("Declared hubs: none.");
        ModelDiagnostics.UnknownHub.Create("link:l/hub:h", "l", "h", ["a", "b"]).Fix.Should().EndWith("Declared hubs: a, b.");
        ModelDiagnostics.PitOverSeveralHubs.Create("pit:p", "p", ["a", "b", "c"]).Message.Should().Be("Point-in-time table 'p' is declared over hubs 'a' and 'b' and 'c'.");
        ModelDiagnostics.SatelliteWithTwoParents.Create("sat:s", "s", [("hub", "a"), ("link", "b")]).Message.Should().Be("Satellite 's' is attached to hub 'a' and link 'b'.");
        ModelDiagnostics.PitSatelliteNotOnHub.Create("pit:p/sat:s", "p", "customer", "s", model.Link("sale"), ["x"]).Message.Should().EndWith("describes link 'sale'.");
        ModelDiagnostics.PitSatelliteNotOnHub.Create("pit:p/sat:s", "p", "customer", "s", model.Hub("product"), ["x"]).Message.Should().EndWith("describes hub 'product'.");
        var roleless = model.Link("sale").Hubs[0];
        ModelDiagnostics.ChildKeyNamedLikeBusinessKey.Create("link:l/k", "k", "l", roleless).Message.Should().EndWith("of hub 'customer'.");
        ModelDiagnostics.ChildKeyNamedLikeBusinessKey.Create("link:l/k", "k", "l", roleless with { Role = "buyer" }).Message.Should().EndWith("of hub 'customer' as buyer.");
        ModelDiagnostics.IdentifierTooLong.Create("hub:x/table", "x", 12345, "T", 1000).Message.Should().Be("'x' is 12345 bytes long; T allows 1000.", "numbers are formatted invariantly, without group separators");
        ModelDiagnostics.UnsafeIdentifier.Create("naming/load_date", null).Message.Should().Be("'' is not a safe identifier.");
        ModelDiagnostics.EmptyModel.Create("vault").Should().Be(new ModelDiagnostic(DiagnosticCodes.EmptyModel, "vault", "The model declares no hub.", "Declare at least one hub with builder.Hub(name, h => h.BusinessKey(...))."));
    }

    [Fact]
    public void A_descriptor_whose_formats_do_not_use_its_arguments_is_refused()
    {
        FluentActions.Invoking(() => new ModelDiagnosticDescriptor<string>(DiagnosticCodes.EmptyModel, nameof(DiagnosticCodes.EmptyModel), "{0} and {1}", "fix"))
            .Should().Throw<InvalidOperationException>().WithMessage("*takes 1 argument(s)*use 2*");
        FluentActions.Invoking(() => new ModelDiagnosticDescriptor<string, string>(DiagnosticCodes.EmptyModel, nameof(DiagnosticCodes.EmptyModel), "{0}", "fix"))
            .Should().Throw<InvalidOperationException>();
        new ModelDiagnosticDescriptor<string, string>(DiagnosticCodes.EmptyModel, nameof(DiagnosticCodes.EmptyModel), "{0}", "{1}").Create("vault", "a", "b").Fix.Should().Be("b");
    }

    /// <summary>A format as a pattern: its text literally, each argument any text.</summary>
    private static Regex Pattern(string format) =>
        new("^" + string.Concat(Regex.Split(format, @"(\{\d+(?::[a-z]+)?\})").Select(part => Regex.IsMatch(part, @"^\{\d+(?::[a-z]+)?\}$") ? "(?s:.*)" : Regex.Escape(part))) + "$", RegexOptions.CultureInvariant);
}
