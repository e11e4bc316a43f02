namespace DataVault.MariaDb;

/// <summary>How a <see cref="MariaDbStagingWriter"/> sends rows to the server.</summary>
public enum MariaDbStagingMethod
{
    /// <summary>
    /// <see cref="BulkCopy"/> when the connection string has <c>AllowLoadLocalInfile=true</c>, the server's
    /// <c>local_infile</c> is on and the session's <c>sql_mode</c> has no <c>NO_BACKSLASH_ESCAPES</c>; otherwise
    /// <see cref="Insert"/>. Decided once per writer, by one query on its first write.
    /// </summary>
    Auto = 0,

    /// <summary>Prepared multi-row <c>INSERT ... VALUES (...), (...)</c> statements, reused for every full group of rows.</summary>
    Insert = 1,

    /// <summary>
    /// MySqlConnector's <c>MySqlBulkCopy</c> (<c>LOAD DATA LOCAL INFILE</c> from memory). Needs
    /// <c>AllowLoadLocalInfile=true</c> in the connection string and <c>local_infile</c> on the server; does not work
    /// when the session's <c>sql_mode</c> has <c>NO_BACKSLASH_ESCAPES</c>. The server turns bad values into
    /// warnings under <c>LOAD DATA LOCAL</c>, so the writer fails a write that produced any warning.
    /// </summary>
    BulkCopy = 2,
}
