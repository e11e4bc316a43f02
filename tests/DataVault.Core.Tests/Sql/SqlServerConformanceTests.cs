using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

public sealed class SqlServerConformanceTests : DialectConformanceTests
{
    protected override SqlDialect Dialect => SqlDialects.SqlServer;

    protected override string GoldenFolder => "sqlserver";
}
