using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

public sealed class PostgreSqlConformanceTests : DialectConformanceTests
{
    protected override SqlDialect Dialect => SqlDialects.PostgreSql;

    protected override string GoldenFolder => "postgres";
}
