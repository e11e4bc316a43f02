using System.Threading.Channels;

namespace DataVault.Core.Loading.Staging;

/// <summary>
/// Writes staging chunks on a second thread while the reading thread parses and hashes the next rows: the connection
/// is used by the writer alone, one chunk at a time, in order. At most <c>capacity</c> chunks wait, so memory stays
/// bounded. A failed write stops the reader at its next hand-over and surfaces as the batch's error.
/// </summary>
internal sealed class StagingPipeline : IAsyncDisposable
{
    private readonly Channel<Func<CancellationToken, Task>> _work;
    private readonly CancellationTokenSource _stop;
    private readonly Task _consumer;
    private readonly CancellationToken _callerToken;

    public StagingPipeline(int capacity, CancellationToken cancellationToken)
    {
        _callerToken = cancellationToken;
        _work = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _consumer = Task.Run(ConsumeAsync, CancellationToken.None);
    }

    /// <summary>Queues a write; waits while the queue is full. Throws the writer's error if it failed.</summary>
    public async Task EnqueueAsync(Func<CancellationToken, Task> work)
    {
        try
        {
            await _work.Writer.WriteAsync(work, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_callerToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: the writer failed and stopped the pipeline. It cancels before its task is
            // faulted, so wait for the task and throw the writer's error — never report a failed write as a cancellation.
            await _consumer.ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until every queued write is done; throws the first write error.</summary>
    public async Task CompleteAsync()
    {
        _work.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _consumer.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the batch is being abandoned for another error, or this one was already thrown by CompleteAsync
        catch (Exception)
        {
        }
#pragma warning restore CA1031

        _stop.Dispose();
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await work(_stop.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
