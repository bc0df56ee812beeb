using System.Net;
using System.Net.Http;
using System.Text;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>
/// A poll wait that reaches the run's timeout ends the run: no status poll is sent at (or after) the deadline,
/// whether the wait's own timer or the timeout's fires first (real timers give no order between the two).
/// </summary>
public sealed class PollDeadlineTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Real time: a run that polls at the deadline on this clock would spin without end, so the test fails instead of hanging.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    private readonly FakeHttpHandler _handler = new();
    private readonly List<TimeSpan> _polledAt = [];

    /// <summary>Retry-After 5: polls at 0 and 5 s, then a wait of exactly the 5 s left. Retry-After 600: one poll, then a wait cut to the 10 s left.</summary>
    public static TheoryData<string, bool, int> Waits => new()
    {
        { "5", false, 2 },
        { "5", true, 2 },
        { "600", false, 1 },
        { "600", true, 1 },
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public async Task WaitAsync_sends_no_poll_at_the_deadline(string retryAfter, bool timeoutsFireLast, int polls)
    {
        var time = new VirtualTimeProvider { TimeoutsFireLast = timeoutsFireLast };
        AnswerStatus(time, "in_progress", retryAfter);
        using var client = TestClient.Create(_handler, time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(() => client.WaitAsync("r1", new RunOptions { Timeout = RunTimeout }).WaitAsync(Bound));

        error.RequestId.ShouldBe("r1");
        error.LastState.ShouldBe(RunComfyRequestState.InProgress);
        PolledAt().ShouldAllBe(t => t < RunTimeout);
        PolledAt().Count.ShouldBe(polls);
        time.Elapsed.ShouldBe(RunTimeout);
    }

    [Theory]
    [MemberData(nameof(Waits))]
    public async Task RunAsync_sends_no_poll_at_the_deadline_and_cancels_the_queued_request(string retryAfter, bool timeoutsFireLast, int polls)
    {
        var time = new VirtualTimeProvider { TimeoutsFireLast = timeoutsFireLast };
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Cancel.Ok(Wire.CancelAnswer("r1", "cancelled"));
        AnswerStatus(time, "in_queue", retryAfter);
        using var client = TestClient.Create(_handler, time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = RunTimeout }).WaitAsync(Bound));

        error.RequestId.ShouldBe("r1");
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        PolledAt().ShouldAllBe(t => t < RunTimeout);
        PolledAt().Count.ShouldBe(polls);
        _handler.Cancel.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_run_without_a_timeout_keeps_polling_past_any_wait()
    {
        var time = new VirtualTimeProvider { TimeoutsFireLast = true };
        _handler.Status
            .Json(200, Wire.Status("r1", "in_progress"), r => r.Headers.Add("Retry-After", "600"))
            .Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, time);

        var result = await client.WaitAsync("r1", new RunOptions { Timeout = null }).WaitAsync(Bound);

        result.State.ShouldBe(RunComfyRequestState.Completed);
        _handler.Status.Calls.ShouldBe(2);
        time.Elapsed.ShouldBe(TimeSpan.FromSeconds(60));
    }

    private void AnswerStatus(VirtualTimeProvider time, string state, string retryAfter) =>
        _handler.Status.Then((_, _) =>
        {
            lock (_polledAt)
            {
                _polledAt.Add(time.Elapsed);
            }

            var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Wire.Status("r1", state, state == "in_queue" ? 1 : null), Encoding.UTF8, "application/json") };
            answer.Headers.Add("Retry-After", retryAfter);
            return Task.FromResult(answer);
        });

    private List<TimeSpan> PolledAt()
    {
        lock (_polledAt)
        {
            return [.. _polledAt];
        }
    }
}
