using DataVault.Core.Loading;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The messages of abandoned batches, lost connections and failure causes (issue #14), word for word.</summary>
public class BatchLogMessagesTests
{
    [Fact]
    public void The_lost_connection_message_names_the_batch_the_phase_and_the_loss()
    {
        LoadMessages.ConnectionLost("b1", LoadPhase.Reading, "customers.csv", "Exception while writing to stream").Should().Be(
            "Batch 'b1' failed and was rolled back: the connection to the database was lost while reading customers.csv (Exception while writing to stream). " +
            "The database rolls back the unfinished transaction itself, so nothing of the batch was committed; run it again when the database is reachable.");
        LoadMessages.ConnectionLost("b1", LoadPhase.Merging, null, "EOF").Should().Contain("lost while merging (EOF)");
        LoadMessages.ConnectionLost("b1", LoadPhase.Committing, null, "EOF").Should().Be(
            "Batch 'b1' failed: the connection to the database was lost while committing (EOF). The database may or may not have committed the batch; " +
            "the batch log and the vault tell, and running the batch again is safe (a rerun of a committed batch changes nothing).");
    }

    [Fact]
    public void The_abandoned_message_names_the_session_and_who_found_it()
    {
        LoadMessages.BatchAbandoned("PostgreSQL backend 4242", "daily").Should().Be(
            "Abandoned: the loader's session (PostgreSQL backend 4242) ended before the batch finished (the process was killed or the connection lost). " +
            "The database rolled back its transaction unless it had already committed; running the batch again is safe. Marked at the start of batch 'daily'.");
        LoadMessages.BatchAbandoned(null, null).Should().EndWith("Marked by RecoverAbandonedBatchesAsync.").And.Contain("(unknown)");
    }

    [Fact]
    public void The_cause_chain_lists_the_inner_exceptions_innermost_last()
    {
        var failure = new DataVaultLoadException("outer", new InvalidOperationException("middle", new IOException("inner")));
        LoadMessages.CauseChain(failure).Should().Be("InvalidOperationException: middle <- IOException: inner");
        LoadMessages.CauseChain(new DataVaultLoadException("alone")).Should().Be("none");
    }
}
