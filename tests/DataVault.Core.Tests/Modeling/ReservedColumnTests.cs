using DataVault.Core.Modeling;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Modeling;

public class ReservedColumnTests
{
    [Theory]
    [InlineData("is_current")]
    [InlineData("dv_version")]
    [InlineData("DV_row")]
    public void Columns_the_sql_writers_use_themselves_are_refused(string name)
    {
        var diagnostics = new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Satellite("details", s => s.OnHub("customer").Attribute(name.ToLowerInvariant(), DataType.Text))
            .Validate();

        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.SystemColumnClash && d.Path == "sat:details/" + name.ToLowerInvariant())
            .Which.Fix.Should().Contain("dv_");
    }

    [Fact]
    public void Ordinary_names_that_merely_contain_dv_are_allowed() =>
        new DataVaultModelBuilder()
            .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
            .Satellite("details", s => s.OnHub("customer").Attribute("adv_score", DataType.Int).Attribute("current", DataType.Boolean))
            .Validate().Should().BeEmpty();
}
