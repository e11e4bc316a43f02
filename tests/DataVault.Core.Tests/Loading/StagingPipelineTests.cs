using DataVault.Core.Loading.Staging;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>
/// A failed staging write surfaces as that error on the reading thread — never as a cancellation. (The PostgreSQL
/// server killed mid-load made the batch fail as "The operation was canceled." and be logged as cancelled: the writer
/// cancels the pipeline before its task is faulted, and the reader, waiting to hand over a chunk, saw only the cancel.)
/// </summary>
public sealed class StagingPipelineTests
{
    [Fact]
    public async Task A_failed_write_is_the_readers_error_not_a_cancellation()
    {
        for (var round = 0; round < 300; round++)
        {
            await using var pipeline = new StagingPipeline(1, CancellationToken.None);
            var enqueue = async () =>
            {
                await pipeline.EnqueueAsync(_ => throw new InvalidOperationException("the connection is gone"));
                for (var i = 0; i < 1000; i++)
                {
                    await pipeline.EnqueueAsync(token => Task.Delay(1, token));
                }

                await pipeline.CompleteAsync();
            };

            (await enqueue.Should().ThrowAsync<Exception>($"round {round}")).Which.Should().BeOfType<InvalidOperationException>($"round {round}").Which.Message.Should().Be("the connection is gone");
        }
    }

    [Fact]
    public async Task A_cancelled_batch_is_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        await using var pipeline = new StagingPipeline(1, cancel.Token);
        var enqueue = async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (i == 10)
                {
                    await cancel.CancelAsync();
                }

                await pipeline.EnqueueAsync(token => Task.Delay(1, token));
            }
        };

        await enqueue.Should().ThrowAsync<OperationCanceledException>();
    }
}
