using DataVault.Core.Loading;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The loader's messages are behaviour (users match them in logs): each text is pinned here, word for word.</summary>
public class LoadMessagesTests
{
    public static TheoryData<string, string> Messages() => new()
    {
        { LoadMessages.BatchHasNoSources("b1"), "Batch 'b1' has no sources." },
        { LoadMessages.DuplicateSourceName("a.csv"), "The batch already has a source named 'a.csv'." },
        { LoadMessages.BatchLogUnwritable("b1", "etl_batch_log", "no such table"), "Batch 'b1' did not start: the batch log 'etl_batch_log' cannot be written (no such table). Create the vault first (EnsureVaultAsync). Nothing was loaded." },
        { LoadMessages.BatchFailed("b1", "disk full"), "Batch 'b1' failed and was rolled back: disk full" },
        { LoadMessages.MergeLockTimeout("b1", TimeSpan.FromMinutes(10)), "Batch 'b1': another loader held the merge lock for longer than 00:10:00; the batch was rolled back." },
        { LoadMessages.FileNotFound("a.csv", "/data/a.csv"), "a.csv: the file '/data/a.csv' does not exist." },
        { LoadMessages.EmptyFile("a.csv"), "a.csv, line 1: the file is empty; a CSV source needs at least a header row." },
        { LoadMessages.FieldCount(2, 4), "the row has 2 fields, the header has 4" },
        { LoadMessages.MalformedRecord("a.csv", 3, "unclosed quote"), "a.csv, line 3: unclosed quote" },
        { LoadMessages.ReaderAlreadyRead("rows"), "The data reader of source 'rows' was already read; a reader can feed one batch once." },
        { LoadMessages.EmptyColumnName("a.csv", 2), "a.csv: column 2 has an empty name; every column needs a header." },
        { LoadMessages.DuplicateColumn("dup.csv", "Name", 2, 3), "dup.csv: the column 'Name' appears twice (columns 2 and 3); headers must be unique." },
        { LoadMessages.UnknownMappedTable("a.csv", "hub_x", ["hub_a", "hub_b"]), "a.csv: the mapping names the table 'hub_x', which the model does not have (tables: hub_a, hub_b)." },
        { LoadMessages.MissingColumns("m.csv", ["birth_date", "credit_limit"], "sat_customer_details", ["customer_id", "name"]), "m.csv: the column(s) birth_date, credit_limit required by sat_customer_details are missing (columns present: customer_id, name)." },
        { LoadMessages.FeedsNoTable("a.csv", ["x", "y"]), "a.csv: the source feeds no table of the model: none has all its key columns among the source's columns (x, y). Rename columns with SourceMapping.Column or name the tables with SourceMapping.Only." },
        { LoadMessages.MissingOrderColumn("a.csv", "version", ["id"]), "a.csv: the order column 'version' is missing (columns present: id)." },
        { LoadMessages.LookupMissingColumn("a.csv", "x", ["id"]), "a.csv has no column 'x' (columns: id)." },
        { LoadMessages.OrderValueEmpty, "is empty; it orders the versions of a key" },
        { LoadMessages.DerivedRefersToItself, "refers to itself" },
        { LoadMessages.DerivedValueProblem("is not an integer"), "(computed) is not an integer" },
        { LoadMessages.DerivedFailed("boom"), "could not be computed: boom" },
        { LoadMessages.Location("sales.csv", "line", 3), "sales.csv, line 3" },
        { LoadMessages.UnknownLocation(9), "row 9" },
        { LoadMessages.BadRow("sales.csv, line 3", "quantity", "'abc' is not an integer"), "sales.csv, line 3, column quantity: 'abc' is not an integer" },
        { LoadMessages.BadRow("ragged.csv, line 3", null, "the row has 2 fields, the header has 4"), "ragged.csv, line 3: the row has 2 fields, the header has 4" },
        { LoadMessages.RowProblem("quantity", "abc", "is not an integer"), "'abc' is not an integer" },
        { LoadMessages.RowProblem("quantity", null, "is empty"), "'NULL' is empty" },
        { LoadMessages.RowProblem(null, "abc", "the row has 3 fields, the header has 5"), "the row has 3 fields, the header has 5" },
        { LoadMessages.RowProblem("name", new string('x', 81), "is too long"), "'" + new string('x', 77) + "...' is too long" },
        { LoadMessages.InBatchConflict("sat_c", LoadMessages.KeyValues([("customer_id", "C2")]), "c.csv, line 2", "c.csv, line 4"), "sat_c: one key (customer_id = 'C2') has two different rows in this batch and no order column: c.csv, line 2 and c.csv, line 4. Correct the data, or declare the column that orders versions (SourceMapping.OrderBy) to load both as versions." },
        { LoadMessages.StoredConflict("sat_c", new byte[] { 0xAB, 0x01 }, new DateTime(2026, 1, 2)), "sat_c: the batch's row for key AB01 at load date 2026-01-02 00:00:00.000000 differs from the row already stored with the same key and load date. A rerun must carry the same data; load changed data with a new load timestamp." },
        { LoadMessages.LateData("sat_c", "k1", "2026-01-01", "2026-02-01"), "sat_c: late data: the batch's row for key k1 has load date 2026-01-01, older than the stored version of 2026-02-01. Load batches in load-date order, or set LoadOptions.LateData = InsertInOrder to insert it in order." },
        { LoadMessages.Value(12.5m), "12.5" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_keeps_its_exact_text(string message, string expected) => message.Should().Be(expected);
}
