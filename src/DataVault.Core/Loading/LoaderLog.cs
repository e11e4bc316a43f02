using DataVault.Core.Migrations;
using Microsoft.Extensions.Logging;

namespace DataVault.Core.Loading;

/// <summary>The loader's log events, with stable event ids (4001–4099). Data values appear only in 4008, which is emitted only when <see cref="LoadOptions.LogValues"/> is on.</summary>
internal static partial class LoaderLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Batch {BatchName} (id {BatchId}) started: load date {LoadDate:O}, {SourceCount} source(s)")]
    public static partial void BatchStarted(ILogger logger, string batchName, long batchId, DateTime loadDate, int sourceCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Source {Source} feeds {Tables}")]
    public static partial void SourcePlanned(ILogger logger, string source, string tables);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Source {Source}: {Rows} row(s) read, {Rejected} quarantined")]
    public static partial void SourceRead(ILogger logger, string source, long rows, long rejected);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Merged {Table}: {Inserted} row(s) inserted from {Staged} staged in {ElapsedMs} ms")]
    public static partial void TargetMerged(ILogger logger, string table, long inserted, long staged, long elapsedMs);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Batch {BatchName} (id {BatchId}) committed: {Read} row(s) read, {Inserted} inserted, {EndDated} end-dated in {ElapsedMs} ms")]
    public static partial void BatchCommitted(ILogger logger, string batchName, long batchId, long read, long inserted, long endDated, long elapsedMs);

    /// <summary>A failed batch: its message and the chain of its causes, without the stack trace (that is <see cref="BatchFailureTrace"/>, at debug level).</summary>
    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "Batch {BatchName} (id {BatchId}) failed and was rolled back: {Reason} (causes: {Causes})")]
    public static partial void BatchFailed(ILogger logger, string batchName, long batchId, string reason, string causes);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Quarantined {Source}, {LocationName} {Location}, column {Column}: {Problem}")]
    public static partial void RowQuarantined(ILogger logger, string source, string locationName, long location, string? column, string problem);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Quarantined {Source}, {LocationName} {Location}, column {Column}: '{Value}' {Problem}")]
    public static partial void RowQuarantinedWithValue(ILogger logger, string source, string locationName, long location, string? column, string? value, string problem);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Batch {BatchName} (id {BatchId}) was cancelled and rolled back")]
    public static partial void BatchCancelled(ILogger logger, string batchName, long batchId);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Could not write the batch log for batch {BatchId}: {Reason}")]
    public static partial void BatchLogFailed(ILogger logger, Exception exception, long batchId, string reason);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Vault ensured: {Statements} statement(s)")]
    public static partial void VaultEnsured(ILogger logger, int statements);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "The vault was not ensured: the database differs from the model in {Differences} place(s). {Report}")]
    public static partial void VaultDrifted(ILogger logger, int differences, string report);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Vault migrated: {Steps} step(s). {Plan}")]
    public static partial void Migrated(ILogger logger, int steps, MigrationPlan plan);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "The migration was refused: {Refusals} difference(s) it does not resolve; nothing was changed. {Plan}")]
    public static partial void MigrationRefused(ILogger logger, int refusals, MigrationPlan plan);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "Batch {BatchName}: {Source} has the parent key and some attributes of {Satellite} but not {MissingColumns}; the satellite is not loaded from it")]
    public static partial void SatelliteSkipped(ILogger logger, string batchName, string source, string satellite, string missingColumns);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information, Message = "Rehash step {Step} of {Steps} done: {Description} ({Rows} row(s))")]
    public static partial void RehashStepDone(ILogger logger, int step, int steps, string description, long rows);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Information, Message = "Vault rehashed: {StepsRun} step(s) run, {StepsResumed} resumed from an earlier run, in {ElapsedMs} ms")]
    public static partial void Rehashed(ILogger logger, int stepsRun, int stepsResumed, long elapsedMs);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Error, Message = "The rehash stopped: {Reason}")]
    public static partial void RehashStopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 4019, Level = LogLevel.Information, Message = "Batch {BatchName}: {Rows} row(s) of {Source} fed no row of {Link}: a hub key was empty and the link skips such rows")]
    public static partial void LinkRowsSkipped(ILogger logger, string batchName, string source, long rows, string link);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Debug, Message = "Batch {BatchName}: {Lookups} lookup(s) read inside the transaction (merge lock held: {LockHeld})")]
    public static partial void LookupsRead(ILogger logger, string batchName, int lookups, bool lockHeld);

    // Issue #14: batch log, lost connections, log levels (4040–4049).

    /// <summary>The stack trace of a failed batch (the exception and its inner exceptions), at debug level only.</summary>
    [LoggerMessage(EventId = 4040, Level = LogLevel.Debug, Message = "Batch {BatchName} (id {BatchId}) failed; the exception with its stack trace follows")]
    public static partial void BatchFailureTrace(ILogger logger, Exception exception, string batchName, long batchId);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Warning, Message = "Batch {BatchName} (id {BatchId}) was marked abandoned: {Reason}")]
    public static partial void BatchAbandoned(ILogger logger, string batchName, long batchId, string reason);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "Batch {BatchName}: the abandoned batches could not be looked for ({Reason}); the batch goes on")]
    public static partial void RecoveryFailed(ILogger logger, string batchName, string reason);
}
