using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

/// <summary>
/// <see cref="DataVaultModelBuilder.Validate"/> returns exactly the diagnostics <see cref="DataVaultModelBuilder.Build(IModelTarget?)"/>
/// throws with — the same codes, paths, messages and fixes in the same order — and both agree that a valid model is valid.
/// </summary>
public class ValidateAgreesWithBuildTests
{
    public static TheoryData<string> InvalidModelNames => [.. InvalidModels.All.Keys];

    public static TheoryData<string> ValidModelNames => [.. InvalidModels.ValidModels.Keys];

    [Theory]
    [MemberData(nameof(InvalidModelNames))]
    public void Validate_lists_exactly_what_Build_throws(string name)
    {
        var (model, target) = InvalidModels.All[name];

        var listed = model().Validate(target);
        var thrown = FluentActions.Invoking(() => model().Build(target)).Should().Throw<DataVaultModelException>().Which.Diagnostics;

        listed.Should().NotBeEmpty();
        listed.Select(Fields).Should().Equal(thrown.Select(Fields));
    }

    [Theory]
    [MemberData(nameof(ValidModelNames))]
    public void Both_accept_a_valid_model(string name)
    {
        var (model, target) = InvalidModels.ValidModels[name];

        model().Validate(target).Should().BeEmpty();
        var built = model().Build(target);
        built.Hubs.Should().NotBeEmpty();
    }

    [Fact]
    public void Validating_twice_or_after_a_build_gives_the_same_list()
    {
        var builder = InvalidModels.EveryProblem();

        var first = builder.Validate();
        builder.Invoking(b => b.Build()).Should().Throw<DataVaultModelException>();

        builder.Validate().Select(Fields).Should().Equal(first.Select(Fields));
    }

    private static (string Code, string Path, string Message, string Fix) Fields(ModelDiagnostic d) => (d.Code, d.Path, d.Message, d.Fix);
}
