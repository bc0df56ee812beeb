using System.Net;
using System.Text;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>What progress reports carry from the first one on, and what their elapsed time counts from.</summary>
public sealed class RunProgressTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task The_first_report_of_a_run_carries_the_queue_position_read_at_once_after_the_submit()
    {
        _handler.Submit.Ok(Wire.Submitted("q1"));
        _handler.Status.Ok(Wire.Status("q1", "in_queue", 5)).Ok(Wire.Status("q1", "completed"));
        _handler.Result.Ok(Wire.Completed("q1"));
        var delaysAtFirstReport = -1;
        var progress = new ListProgress { OnReport = p => { if (delaysAtFirstReport < 0) delaysAtFirstReport = _time.Delays.Count; } };
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress });

        var first = progress.Reports[0];
        (first.RequestId, first.State, first.QueuePosition, first.Polls).ShouldBe(("q1", RunComfyRequestState.InQueue, (int?)5, 1));
        first.Elapsed.ShouldBe(TimeSpan.Zero);
        delaysAtFirstReport.ShouldBe(0);
        progress.Reports.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_slow_first_status_read_does_not_hold_back_the_request_id()
    {
        // The caller stores the id from the first report to survive a crash: a status read that hangs (or spends
        // its retries) must not keep it from them longer than the first poll's interval.
        var statusAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Submit.Ok(Wire.Submitted("q5"));
        _handler.Status.Then(async (_, ct) =>
        {
            statusAsked.TrySetResult();
            await release.Task.WaitAsync(ct);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Wire.Status("q5", "in_queue", 3), Encoding.UTF8, "application/json") };
        }).Ok(Wire.Status("q5", "completed"));
        _handler.Result.Ok(Wire.Completed("q5"));
        var firstReport = new TaskCompletionSource<RunProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new ListProgress { OnReport = p => firstReport.TrySetResult(p) };
        using var client = TestClient.Create(_handler, _time);

        // The id report's timer (one poll interval, 1 s) is started once the status read is under way; the clock is
        // moved past it only then, so how long the machine takes to get there cannot matter.
        var idTimerStarted = _time.WhenTimeoutStarted(TimeSpan.FromSeconds(1));
        var run = client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress });
        RunProgress first;
        try
        {
            await statusAsked.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await idTimerStarted.WaitAsync(TimeSpan.FromSeconds(60));
            firstReport.Task.IsCompleted.ShouldBeFalse("no report before the poll interval has passed");

            // The status answer is held back; only the client's clock moves.
            _time.Advance(TimeSpan.FromSeconds(1));
            first = await firstReport.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            release.TrySetResult();
        }

        await run;

        (first.RequestId, first.State, first.QueuePosition, first.Polls).ShouldBe(("q5", RunComfyRequestState.InQueue, (int?)null, 0));
        first.Elapsed.ShouldBe(TimeSpan.FromSeconds(1));
        progress.Reports.Select(p => (p.QueuePosition, p.Polls)).ShouldBe([(null, 0), ((int?)3, 1), (null, 2)]);
    }

    [Fact]
    public async Task Elapsed_counts_from_the_submit_not_from_the_validation_before_it()
    {
        _handler.Submit.Ok(Wire.Submitted("q2"));
        _handler.Status.Ok(Wire.Status("q2", "in_queue", 1)).Ok(Wire.Status("q2", "in_progress")).Ok(Wire.Status("q2", "completed"));
        _handler.Result.Ok(Wire.Completed("q2"));
        var progress = new ListProgress();

        // Media checks that take 7 s (a slow remote probe) before anything is sent.
        using var client = TestClient.Create(_handler, _time, o => o.ValidateMediaAsync = async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(7), _time, ct);
            return ValidationResult.Success;
        });

        await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress });

        _time.Elapsed.ShouldBe(TimeSpan.FromSeconds(9));
        progress.Reports.Select(p => p.Elapsed).ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task A_wait_counts_from_its_own_start_and_its_first_report_is_the_first_status()
    {
        _time.Advance(TimeSpan.FromMinutes(3));
        _handler.Status.Ok(Wire.Status("q3", "in_queue", 2)).Ok(Wire.Status("q3", "completed"));
        _handler.Result.Ok(Wire.Completed("q3"));
        var progress = new ListProgress();
        using var client = TestClient.Create(_handler, _time);

        var result = await client.WaitAsync("q3", new RunOptions { Progress = progress });

        progress.Reports.Select(p => (p.QueuePosition, p.Elapsed)).ShouldBe([((int?)2, TimeSpan.Zero), (null, TimeSpan.FromSeconds(1))]);

        // The job's own time comes with its result (created_at to finished_at), whenever the wait began.
        result.Duration.ShouldBe(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public void Duration_is_finished_minus_created_and_null_when_either_is_missing_or_they_are_out_of_order()
    {
        var created = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Result(created, created.AddSeconds(50)).Duration.ShouldBe(TimeSpan.FromSeconds(50));
        Result(created, created).Duration.ShouldBe(TimeSpan.Zero);
        Result(created, null).Duration.ShouldBeNull();
        Result(null, created).Duration.ShouldBeNull();
        Result(created, created.AddSeconds(-1)).Duration.ShouldBeNull();

        static RequestResult Result(DateTimeOffset? createdAt, DateTimeOffset? finishedAt) =>
            new() { RequestId = "q4", State = RunComfyRequestState.Completed, CreatedAt = createdAt, FinishedAt = finishedAt };
    }
}
