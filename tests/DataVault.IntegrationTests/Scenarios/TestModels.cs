using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.IntegrationTests.Scenarios;

/// <summary>A small vault with every shape: two hubs, a link with a role and a dependent child key, satellites on a hub and a link.</summary>
public static class TestModels
{
    /// <param name="target">The dialect the model is built for.</param>
    /// <param name="standard">The hashing standard; the default one when null.</param>
    /// <param name="extraCustomerAttribute">A further string attribute of <c>customer_details</c>: a later version of the model.</param>
    /// <param name="customerPit">A point-in-time table over every satellite of the customer hub.</param>
    /// <param name="customerContact">A second satellite on the customer hub, <c>customer_contact</c> (<c>email</c>).</param>
    /// <param name="schemas">The raw vault's and the business vault's database schemas, or <see langword="null"/> for the default schema.</param>
    public static DataVaultModel Retail(IModelTarget target, HashingStandard? standard = null, string? extraCustomerAttribute = null, bool customerPit = false, bool customerContact = false, (string RawVault, string BusinessVault)? schemas = null)
    {
        var builder = Builder(standard, extraCustomerAttribute);
        if (schemas is { } s)
        {
            builder.UseSchemas(s.RawVault, s.BusinessVault);
        }

        if (customerContact)
        {
            builder.Satellite("customer_contact", s => s.OnHub("customer").Attribute("email", DataType.String(100)));
        }

        if (customerPit)
        {
            builder.PointInTime("customer", p => p.OnHub("customer"));
        }

        return builder.Build(target);
    }

    private static DataVaultModelBuilder Builder(HashingStandard? standard, string? extraCustomerAttribute) => new DataVaultModelBuilder()
        .UseHashingStandard(standard ?? HashingStandards.Default)
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Hub("product", h => h.BusinessKey("product_id", DataType.String(20)))
        .Link("sale", l => l.Hub("customer").Hub("product").Hub("customer", role: "referred_by").DependentChildKey("line_no", DataType.Int))
        .Satellite("customer_details", s =>
        {
            s.OnHub("customer")
                .Attribute("name", DataType.String(100))
                .Attribute("birth_date", DataType.Date)
                .Attribute("credit_limit", DataType.Decimal(10, 2));
            if (extraCustomerAttribute is not null)
            {
                s.Attribute(extraCustomerAttribute, DataType.String(30));
            }
        })
        .Satellite("sale_metrics", s => s.OnLink("sale")
            .Attribute("quantity", DataType.Int)
            .Attribute("amount", DataType.Decimal(12, 2)));
}
