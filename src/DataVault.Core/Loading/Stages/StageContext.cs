using System.Data.Common;
using DataVault.Core.Execution;
using DataVault.Core.Loading.Planning;
using DataVault.Core.Sql.Writers;

namespace DataVault.Core.Loading.Stages;

/// <summary>What a stage's checks and merge run with: the session, the batch's transaction, the options, the batch (for messages) and the loader's own statements.</summary>
/// <param name="Session">The session.</param>
/// <param name="Transaction">The batch's transaction.</param>
/// <param name="Options">The load options.</param>
/// <param name="Batch">The batch's shared state.</param>
/// <param name="Statements">The loader's statements.</param>
internal sealed record StageContext(VaultSession Session, DbTransaction Transaction, LoadOptions Options, BatchState Batch, LoaderStatements Statements);
