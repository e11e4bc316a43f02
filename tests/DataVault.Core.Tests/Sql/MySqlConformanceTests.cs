using DataVault.Core.Sql;

namespace DataVault.Core.Tests.Sql;

public sealed class MySqlConformanceTests : DialectConformanceTests
{
    protected override SqlDialect Dialect => SqlDialects.MySql;

    protected override string GoldenFolder => "mariadb";
}
