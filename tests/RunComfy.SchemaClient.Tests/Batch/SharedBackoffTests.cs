using RunComfy.Emulator;
using RunComfy.Batch;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary>One pause for the whole batch, never shortened by a later shorter one, bounded by the maximum.</summary>
public sealed class SharedBackoffTests
{
    [Fact]
    public void The_longest_pause_wins_and_a_server_cannot_pause_past_the_maximum()
    {
        var time = new ManualClock();
        var backoff = new SharedBackoff(time, TimeSpan.FromSeconds(60));
        backoff.Remaining.ShouldBe(TimeSpan.Zero);

        backoff.Pause(TimeSpan.FromSeconds(5));
        backoff.Pause(TimeSpan.FromSeconds(2));
        backoff.Remaining.ShouldBe(TimeSpan.FromSeconds(5));

        backoff.Pause(TimeSpan.FromDays(3));
        backoff.Remaining.ShouldBe(TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(61));
        backoff.Remaining.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_waiter_is_held_until_the_pause_ends()
    {
        var time = new VirtualTimeProvider();
        var backoff = new SharedBackoff(time, TimeSpan.FromSeconds(60));
        backoff.Pause(TimeSpan.FromSeconds(3));

        await backoff.WaitAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        time.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
        backoff.Remaining.ShouldBe(TimeSpan.Zero);
    }
}
